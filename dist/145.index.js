export const id = 145;
export const ids = [145];
export const modules = {

/***/ 84396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ linkSecretFix),
/* harmony export */   UP: () => (/* binding */ createSecretFix),
/* harmony export */   pB: () => (/* binding */ podSecretFix),
/* harmony export */   z9: () => (/* binding */ imagePullerFix)
/* harmony export */ });
function imagePullerFix(account, imageNamespace, imageStream, severalInNamespace) {
    const user = `system:serviceaccount:${account.namespace}:${account.name}`;
    const group = `system:serviceaccounts:${account.namespace}`;
    const cli = [`oc policy add-role-to-user system:image-puller ${user} --namespace=${imageNamespace}`];
    if (severalInNamespace) {
        cli.push(`# or, for every service account of ${account.namespace}:`, `oc policy add-role-to-group system:image-puller ${group} --namespace=${imageNamespace}`);
    }
    return {
        side: 'binding',
        permissions: ['image.openshift.io/imagestreams/layers get'],
        fix: {
            text: `Let ${user} pull from project ${imageNamespace}: bind the system:image-puller cluster role to it in ${imageNamespace}` +
                ` (image stream ${imageStream}).` +
                (severalInNamespace
                    ? ` Several service accounts of ${account.namespace} pull: binding the group ${group} covers them all.`
                    : ''),
            snippets: {
                cli: cli.join('\n'),
                yaml: [
                    'apiVersion: rbac.authorization.k8s.io/v1',
                    'kind: RoleBinding',
                    'metadata:',
                    `  name: image-puller-${account.namespace}-${account.name}`,
                    `  namespace: ${imageNamespace}`,
                    'roleRef:',
                    '  apiGroup: rbac.authorization.k8s.io',
                    '  kind: ClusterRole',
                    '  name: system:image-puller',
                    'subjects:',
                    '  - kind: ServiceAccount',
                    `    name: ${account.name}`,
                    `    namespace: ${account.namespace}`,
                ].join('\n'),
            },
        },
    };
}
const NEW_PODS_ONLY = 'Linked pull secrets apply to pods created afterwards: restart the workload.';
/** Link an existing pull secret to the service account. */
function linkSecretFix(account, secret, host, existing) {
    const patch = patchCommand(account, secret, existing);
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: `The secret ${secret} in ${account.namespace} covers ${host} but is not linked to service account ${account.name}: link it for pulls. ${NEW_PODS_ONLY}`,
            snippets: {
                cli: account.platform === 'kubernetes'
                    ? patch
                    : `oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}\n# or: ${patch}`,
                yaml: serviceAccountYaml(account, [...existing, secret]),
            },
        },
    };
}
/** Create a pull secret for the host and link it. */
function createSecretFix(account, host, existing, named) {
    const secret = named ??
        `${host
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}-pull`;
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: (named
                ? `The service account ${account.name} links the pull secret ${named}, which does not exist in ${account.namespace}: create it.`
                : `No pull secret of service account ${account.name} in ${account.namespace} covers ${host}: create one and link it.`) +
                ` ${NEW_PODS_ONLY}`,
            snippets: {
                cli: [
                    `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
                    ...(account.platform !== 'kubernetes'
                        ? [`oc secrets link ${account.name} ${secret} --for=pull -n ${account.namespace}`]
                        : existing.includes(secret)
                            ? [] // already listed in imagePullSecrets: creating it is enough
                            : [patchCommand(account, secret, existing)]),
                ].join('\n'),
                yaml: serviceAccountYaml(account, existing.includes(secret) ? existing : [...existing, secret]),
            },
        },
    };
}
/**
 * Kubernetes docs, "Configure Service Accounts for Pods": `kubectl patch serviceaccount default -p
 * '{"imagePullSecrets": [{"name": "myregistrykey"}]}'` replaces the list, so with secrets already linked the
 * secret is appended with a JSON patch instead.
 */
function patchCommand(account, secret, existing) {
    return existing.length > 0
        ? `kubectl patch serviceaccount ${account.name} -n ${account.namespace} --type=json -p='[{"op":"add","path":"/imagePullSecrets/-","value":{"name":"${secret}"}}]'`
        : `kubectl patch serviceaccount ${account.name} -n ${account.namespace} -p '{"imagePullSecrets":[{"name":"${secret}"}]}'`;
}
function serviceAccountYaml(account, secrets) {
    return [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        `  name: ${account.name}`,
        `  namespace: ${account.namespace}`,
        'imagePullSecrets:',
        ...secrets.map((secret) => `  - name: ${secret}`),
    ].join('\n');
}
/** The pod lists its own pull secrets: the covering secret goes into its pod template (creating it if needed). */
function podSecretFix(account, host, listed, secret, exists) {
    return {
        side: 'pull-secret',
        permissions: [`imagePullSecrets for ${host}`],
        fix: {
            text: `The pods list their own imagePullSecrets (${listed.join(', ')}), so the service account's are not used:` +
                (listed.includes(secret)
                    ? ` create the pull secret ${secret} for ${host} in ${account.namespace}.`
                    : ` ${exists ? '' : `create a pull secret for ${host} and `}add ${secret} to the pod template's imagePullSecrets.`) +
                ' Pull secrets apply to pods created afterwards: changing the pod template rolls out new ones.',
            snippets: {
                ...(exists
                    ? {}
                    : {
                        cli: `kubectl create secret docker-registry ${secret} -n ${account.namespace} --docker-server=${host} --docker-username=<user> --docker-password=<password>`,
                    }),
                yaml: [
                    'imagePullSecrets:',
                    ...[...new Set([...listed, secret])].map((name) => `  - name: ${name}`),
                ].join('\n'),
            },
        },
    };
}


/***/ }),

/***/ 51684:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ readClusterState)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74508);
/* harmony import */ var _core_config_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26882);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18136);
/* harmony import */ var _pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97665);
// Kubernetes objects → ClusterState: RBAC, ServiceAccounts, and pull Secrets reduced to their host keys.
// Objects of other kinds are ignored, with one note per file.





const open = { additionalProperties: true };
const Strings = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String());
const Metadata = (namespaced) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
    ...(namespaced ? { namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 })) } : {}),
    labels: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String())),
}, open);
const Rule = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    apiGroups: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    resources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    verbs: Strings,
    resourceNames: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    nonResourceURLs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
}, open);
const Selector = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    matchLabels: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Record(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String())),
    matchExpressions: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        key: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String(),
        operator: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union(['In', 'NotIn', 'Exists', 'DoesNotExist'].map((op) => _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal(op))),
        values: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(Strings),
    }))),
}, open);
const SubjectSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('User'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('Group'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('ServiceAccount')], {
        description: 'User, Group or ServiceAccount',
    }),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
    namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String()),
}, open);
const RoleRef = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('Role'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Literal('ClusterRole')], {
        description: 'Role or ClusterRole',
    }),
    name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }),
}, open);
const SCHEMAS = {
    Role: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), rules: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Rule)) }, open),
    ClusterRole: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        metadata: Metadata(false),
        rules: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Rule)),
        aggregationRule: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ clusterRoleSelectors: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(Selector)) }, open)),
    }, open),
    RoleBinding: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), roleRef: RoleRef, subjects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(SubjectSchema)) }, open),
    ClusterRoleBinding: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false), roleRef: RoleRef, subjects: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(SubjectSchema)) }, open),
    ServiceAccount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({
        metadata: Metadata(true),
        imagePullSecrets: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ name: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String({ minLength: 1 }) }, open))),
    }, open),
    Secret: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(true), type: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.String()) }, open),
    Namespace: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false) }, open),
    Project: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_4__/* .Type */ .ZU.Object({ metadata: Metadata(false) }, open),
};
// A list left empty in YAML (`subjects:`) is null, which the API server reads as no list (Kubernetes API
// reference: these lists are optional). OpenShift's default bindings say "remove subjects to disable".
const NULLABLE_LISTS = {
    Role: ['rules'],
    ClusterRole: ['rules'],
    RoleBinding: ['subjects'],
    ClusterRoleBinding: ['subjects'],
    ServiceAccount: ['imagePullSecrets'],
};
// OpenShift's legacy authorization.openshift.io kinds have another shape; current clusters serve RBAC here.
const RBAC_GROUPS = ['rbac.authorization.k8s.io/'];
function readClusterState(objects) {
    const state = {
        clusterRoles: new Map(),
        roles: new Map(),
        roleBindings: new Map(),
        clusterRoleBindings: [],
        serviceAccounts: new Map(),
        secrets: new Map(),
        namespaces: new Set(),
    };
    const ignored = new Map();
    const committedSecrets = [];
    for (const object of objects) {
        const schema = SCHEMAS[object.kind];
        const rbacKind = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(object.kind);
        if (!schema || (rbacKind && !RBAC_GROUPS.some((group) => object.apiVersion.startsWith(group)))) {
            ignored.set(object.file, (ignored.get(object.file) ?? new Set()).add(object.kind));
            continue;
        }
        const problems = (0,_core_config_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaProblems */ .I)(withoutNullLists(object), schema, object, `the ${object.kind}`);
        if (problems.length > 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(problems.map((problem) => ({ ...problem, message: `${object.kind}: ${problem.message}` })));
        }
        addObject(state, object, committedSecrets);
    }
    const notes = [...ignored].map(([file, kinds]) => ({
        severity: 'low',
        kind: 'ignored-manifest',
        file,
        message: `objects of kind ${[...kinds].sort().join(', ')} were ignored: facts.kubernetes.manifests are read for RBAC, ServiceAccounts, Secrets and Namespaces`,
    }));
    return { state, notes: [...committedSecrets, ...notes] };
}
/** One valid object into the state; a Secret holding credentials is also a committed-secret finding. */
function addObject(state, object, committedSecrets) {
    const metadata = object.body['metadata'];
    const origin = `${object.kind} ${metadata.name} (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .formatLocation */ .j$)(object.locate([]))})`;
    const namespace = metadata.namespace ?? 'default';
    switch (object.kind) {
        case 'Namespace':
        case 'Project':
            state.namespaces.add(metadata.name);
            return;
        case 'Role':
        case 'ClusterRole': {
            const definition = roleDefinition(object, metadata, origin);
            if (object.kind === 'ClusterRole')
                state.clusterRoles.set(metadata.name, definition);
            else
                state.roles.set(`${namespace}/${metadata.name}`, { ...definition, namespace });
            break;
        }
        case 'RoleBinding':
        case 'ClusterRoleBinding': {
            const binding = bindingDefinition(object, metadata, origin);
            if (object.kind === 'ClusterRoleBinding') {
                state.clusterRoleBindings.push(binding);
            }
            else {
                state.roleBindings.set(namespace, [
                    ...(state.roleBindings.get(namespace) ?? []),
                    { ...binding, namespace },
                ]);
            }
            break;
        }
        case 'ServiceAccount': {
            const secretsOf = (object.body['imagePullSecrets'] ?? []);
            state.serviceAccounts.set(`${namespace}/${metadata.name}`, {
                name: metadata.name,
                namespace,
                imagePullSecrets: secretsOf.map((entry) => entry.name),
                origin,
            });
            break;
        }
        case 'Secret': {
            const keys = (0,_pull_secret_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .registryKeysOf */ .n)(object.body);
            state.secrets.set(`${namespace}/${metadata.name}`, {
                name: metadata.name,
                namespace,
                type: typeof object.body['type'] === 'string' ? object.body['type'] : 'Opaque',
                ...(keys.registryKeys ? { registryKeys: keys.registryKeys } : {}),
                ...(keys.problem ? { problem: keys.problem } : {}),
                origin,
            });
            if (keys.holdsCredentials)
                committedSecrets.push(committedSecretFinding(object, metadata.name));
            break;
        }
    }
    if (object.kind !== 'ClusterRole' && object.kind !== 'ClusterRoleBinding')
        state.namespaces.add(namespace);
}
function withoutNullLists(object) {
    const nullable = NULLABLE_LISTS[object.kind] ?? [];
    return Object.fromEntries(Object.entries(object.body).filter(([key, value]) => !(value === null && nullable.includes(key))));
}
function roleDefinition(object, metadata, origin) {
    const rules = (object.body['rules'] ?? []).map((rule) => ({
        apiGroups: rule['apiGroups'] ?? [],
        resources: rule['resources'] ?? [],
        verbs: rule['verbs'] ?? [],
        resourceNames: rule['resourceNames'] ?? [],
    }));
    const aggregationRule = object.body['aggregationRule'];
    const selectors = (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(aggregationRule) ? aggregationRule['clusterRoleSelectors'] : undefined;
    return {
        name: metadata.name,
        labels: metadata.labels ?? {},
        rules,
        ...(Array.isArray(selectors) ? { aggregation: selectors } : {}),
        origin,
    };
}
function bindingDefinition(object, metadata, origin) {
    const roleRef = object.body['roleRef'];
    const subjects = (object.body['subjects'] ?? []);
    subjects.forEach((subject, i) => {
        // The API server rejects these too: a ClusterRoleBinding has no namespace to default to.
        if (subject.kind === 'ServiceAccount' && !subject.namespace && object.kind === 'ClusterRoleBinding') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL({
                where: object.locate(['subjects', i]),
                message: `ClusterRoleBinding: subjects[${i}] is a ServiceAccount without a namespace`,
            });
        }
    });
    return {
        name: metadata.name,
        roleRef: { kind: roleRef.kind, name: roleRef.name },
        subjects: subjects.map((subject) => ({
            kind: subject.kind,
            name: subject.name,
            ...(subject.namespace ? { namespace: subject.namespace } : {}),
        })),
        origin,
    };
}
/** A pull Secret with its credentials in the repository (only its name and place are reported). */
function committedSecretFinding(object, name) {
    return {
        severity: 'medium',
        kind: 'secret-in-repo',
        file: object.file,
        line: object.locate([]).line,
        message: `the pull secret ${name} is committed with its registry credentials: rotate them, and keep them in a sealed or external secret store`,
    };
}


/***/ }),

/***/ 97665:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ UNREADABLE_ANNOTATION),
/* harmony export */   n: () => (/* binding */ registryKeysOf)
/* harmony export */ });
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18136);
// The registry keys of a pull Secret — and nothing else. Values are decoded in memory only to read the
// keys of `auths`; no credential leaves this function (Kubernetes docs, "Pull an Image from a Private
// Registry": types kubernetes.io/dockerconfigjson and the legacy kubernetes.io/dockercfg).

const FIELDS = {
    'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
    'kubernetes.io/dockercfg': '.dockercfg',
};
function registryKeysOf(secret) {
    // Live reads mark a Secret they could not read, so a rule can say unknown rather than absent.
    const unreadable = unreadableBecause(secret);
    if (unreadable !== undefined)
        return { problem: `it could not be read: ${unreadable}` };
    const type = typeof secret['type'] === 'string' ? secret['type'] : 'Opaque';
    const field = FIELDS[type];
    if (!field)
        return { problem: `its type is ${type}, not kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg` };
    const text = fieldText(secret, field);
    if (text === undefined)
        return { problem: `it has no ${field} entry` };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { problem: `its ${field} is not valid JSON` };
    }
    // .dockerconfigjson wraps the hosts in "auths"; the legacy .dockercfg is the hosts map itself.
    const hosts = field === '.dockerconfigjson' ? ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(parsed) ? parsed['auths'] : undefined) : parsed;
    if (!(0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(hosts))
        return {
            problem: `its ${field} has no ${field === '.dockerconfigjson' ? '"auths" ' : ''}map of registries`,
        };
    const holdsCredentials = Object.values(hosts).some((entry) => (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry) && Object.keys(entry).length > 0);
    return { holdsCredentials, registryKeys: Object.keys(hosts).flatMap(withoutUserinfo) };
}
/**
 * A key written as a URL with credentials (`https://user:password@host`) is read by the kubelet for its host
 * (url.Parse keeps the userinfo apart), and must never be repeated: keep the key without them. A key that
 * still holds an `@` (an unencoded `/` in a password) is not a URL the kubelet reads: drop it.
 */
function withoutUserinfo(key) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(key)?.[0] ?? '';
    const rest = key.slice(scheme.length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    const kept = `${scheme}${rest.slice(authority.lastIndexOf('@') + 1)}`;
    return kept.includes('@') ? [] : [kept];
}
function fieldText(secret, field) {
    const stringData = secret['stringData'];
    if ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(stringData) && typeof stringData[field] === 'string')
        return stringData[field];
    const data = secret['data'];
    if ((0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) && typeof data[field] === 'string')
        return Buffer.from(data[field], 'base64').toString('utf8');
    return undefined;
}
/** The annotation live reads put on a Secret they were refused (with why), in the facts' own format. */
const UNREADABLE_ANNOTATION = 'pullcheck.dev/unreadable';
function unreadableBecause(secret) {
    const metadata = secret['metadata'];
    const annotations = (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(metadata) ? metadata['annotations'] : undefined;
    const value = (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(annotations) ? annotations[UNREADABLE_ANNOTATION] : undefined;
    return typeof value === 'string' ? value : undefined;
}


/***/ }),

/***/ 50194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ defaultRoleBindings),
  Z: () => (/* binding */ withOpenShiftBuiltins)
});

;// CONCATENATED MODULE: ./lib/providers/kubernetes/openshift/data/openshift-cluster-roles.json
const openshift_cluster_roles_namespaceObject = /*#__PURE__*/JSON.parse('{"source":"S1: github.com/openshift/openshift-apiserver (Apache-2.0), pkg/bootstrappolicy/policy.go, namespace_policy.go and their rendered fixtures test/testdata/bootstrappolicy/bootstrap_cluster_roles.yaml and bootstrap_namespace_roles.yaml (compared by pkg/bootstrappolicy/policy_test.go), at commit 56aa2d96edd725e44ddd7ff13f23e53e6c509828 (main = release-4.22 = release-4.23, 2026-02-18); the kept rules are identical on release-4.12 b0407e37de04934135f86b69d4629e8c6a190fdf through release-4.21 64dea074d6b457e1fae3598cea0bb72493d2cab8. The openshift-apiserver post-start hook reconciles this policy (pkg/cmd/openshift-apiserver/openshiftapiserver/openshift_apiserver.go, bootstrappolicy.Policy()). S2: github.com/openshift/kubernetes (Apache-2.0), plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml at commit 19f23128072ca32159eea62782fd537ce1dd99d8 (the OpenShift kube-apiserver fork; admin, edit, view, cluster-admin, system:aggregate-to-*); the same definitions are in k8s.io/kubernetes v1.34.1 plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go as vendored in openshift-apiserver at 56aa2d96edd725e44ddd7ff13f23e53e6c509828. S3: github.com/openshift/openshift-controller-manager (Apache-2.0), pkg/authorization/defaultrolebindings/project_policy.go and defaultrolebindings.go at commit 26d20feae8892f648f5b06ed3f5492fe6ffb4532 (master = release-4.22 = release-4.23; same bindings on release-4.12 through release-4.21). S4: github.com/openshift/cluster-openshift-controller-manager-operator (Apache-2.0), bindata/assets/openshift-controller-manager/deployer-clusterrole.yaml (system:deployer) and pkg/operator/sync_openshiftcontrollermanager_v311_00.go, pkg/operator/configobservation/controllers/capability_imageregistry.go (which controllers run under which capability) at commit e1c3674198c6c1274fd3fd3c3108eb4cade4eb0a. S5: OpenShift docs (for the pull/push requirement and role use, not for rules): https://docs.redhat.com/en/documentation/openshift_container_platform/3.1/html/developer_guide/dev-guide-image-pull-secrets (\\"get rights on the requested imagestreams/layers\\" to pull, \\"update\\" to push); https://docs.openshift.com/rosa/openshift_images/managing_images/using-image-pull-secrets.html (system:image-puller across projects); https://docs.redhat.com/en/documentation/openshift_container_platform/4.8/html/registry/accessing-the-registry (registry-viewer to pull, registry-editor to push); https://docs.redhat.com/en/documentation/openshift_container_platform/4.6/html/authentication_and_authorization/using-rbac (default cluster roles).","note":"Only rules that can grant imagestreams/layers (resources imagestreams/layers, imagestreams/* or *, in apiGroups \\"\\", image.openshift.io or *) are kept, verbatim from the rendered fixtures (the builders sort apiGroups, resources and verbs); every other rule is dropped, so a role listed with rules [] grants nothing for pulls by itself. Curated by hand from the sources in `source` (no import script): OpenShift 4.12-4.23. admin, edit, view and cluster-reader hold their rules only through aggregationRule: the aggregation controller fills each with the union of the rules of every ClusterRole whose labels match a selector; edit carries aggregate-to-admin and view carries aggregate-to-edit, so admin includes edit and edit includes view. view (and cluster-reader) can pull because registry-viewer carries rbac.authorization.k8s.io/aggregate-to-view; system:openshift:aggregate-to-view itself leaves imagestreams/layers commented out (S1 policy.go). Only the roles named here are listed; other roles with a matching rule are left out: Kubernetes controller roles bound to kube-system service accounts (system:controller:generic-garbage-collector and system:controller:namespace-controller have get on * in group *; k8s.io/kubernetes v1.34.1 controller_policy.go as vendored in S1), system:kube-controller-manager (list/watch on * in *), and any ClusterRole that an operator or administrator adds with an aggregate-to-* label. namespaceRoleBindings are created in every namespace by openshift-controller-manager (S3), only if missing and never updated; an admin may remove their subjects or delete them. system:image-pullers is created only while the ImageRegistry capability is enabled and the image-registry ClusterOperator is not Removed; system:image-builders needs the Build capability, system:deployers the DeploymentConfig capability (S4). {namespace} stands for the binding\'s own namespace. openshiftNamespaceRoles/openshiftNamespaceRoleBindings: the namespace openshift has a Role shared-resource-viewer bound to system:authenticated, so any authenticated identity can pull openshift/* image streams (S1 namespace_policy.go). Out of scope: the default ClusterRoleBindings (cluster-admin to group system:cluster-admins and user system:admin, cluster-reader to group system:cluster-readers, system:master to group system:masters; S1 bootstrap_cluster_role_bindings.yaml) are not in this file.","clusterRoles":[{"name":"system:image-puller","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"system:image-pusher","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:image-builder","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"registry-viewer","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"registry-editor","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"registry-admin","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"}}]},"rules":[]},{"name":"edit","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-admin":"true"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"}}]},"rules":[]},{"name":"view","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]},"rules":[]},{"name":"cluster-reader","source":"S1","aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-cluster-reader":"true"}},{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]},"rules":[]},{"name":"cluster-admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults"},"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]},{"name":"system:openshift:aggregate-to-admin","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:openshift:aggregate-to-edit","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get","update"]}]},{"name":"system:openshift:aggregate-to-view","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[]},{"name":"system:openshift:aggregate-to-cluster-reader","source":"S1","labels":{"rbac.authorization.k8s.io/aggregate-to-cluster-reader":"true"},"rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]},{"name":"system:aggregate-to-admin","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-admin":"true"},"rules":[]},{"name":"system:aggregate-to-edit","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[]},{"name":"system:aggregate-to-view","source":"S2","labels":{"kubernetes.io/bootstrapping":"rbac-defaults","rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[]},{"name":"system:image-signer","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["images","imagestreams/layers"],"verbs":["get"]}]},{"name":"system:master","source":"S1","rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]},{"name":"system:deployer","source":"S4","rules":[]}],"namespaceRoleBindings":[{"name":"system:image-pullers","source":"S3","capability":"ImageRegistry","annotations":{"openshift.io/description":"Allows all pods in this namespace to pull images from this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:image-puller"},"subjects":[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:serviceaccounts:{namespace}"}]},{"name":"system:image-builders","source":"S3","capability":"Build","annotations":{"openshift.io/description":"Allows builds in this namespace to push images to this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:image-builder"},"subjects":[{"kind":"ServiceAccount","name":"builder","namespace":"{namespace}"}]},{"name":"system:deployers","source":"S3","capability":"DeploymentConfig","annotations":{"openshift.io/description":"Allows deploymentconfigs in this namespace to rollout pods in this namespace.  It is auto-managed by a controller; remove subjects to disable."},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:deployer"},"subjects":[{"kind":"ServiceAccount","name":"deployer","namespace":"{namespace}"}]}],"openshiftNamespaceRoles":[{"namespace":"openshift","name":"shared-resource-viewer","source":"S1","rules":[{"apiGroups":["","image.openshift.io"],"resources":["imagestreams/layers"],"verbs":["get"]}]}],"openshiftNamespaceRoleBindings":[{"namespace":"openshift","name":"shared-resource-viewers","source":"S1","roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"shared-resource-viewer"},"subjects":[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"system:authenticated"}]}]}');
;// CONCATENATED MODULE: ./lib/providers/kubernetes/openshift/builtin-roles.js
// OpenShift's built-in cluster roles, its `openshift` namespace roles, and the default RoleBindings it keeps
// in every namespace — as data with their sources (data/openshift-cluster-roles.json).

const dataset = openshift_cluster_roles_namespaceObject;
function role(entry) {
    return {
        name: entry.name,
        ...(entry.namespace ? { namespace: entry.namespace } : {}),
        labels: entry.labels ?? {},
        rules: entry.rules.map((rule) => ({
            apiGroups: rule.apiGroups ?? [],
            resources: rule.resources ?? [],
            verbs: rule.verbs,
            resourceNames: rule.resourceNames ?? [],
        })),
        ...(entry.aggregationRule ? { aggregation: entry.aggregationRule.clusterRoleSelectors } : {}),
        origin: 'built-in',
    };
}
function binding(entry, namespace, origin) {
    const fill = (text) => text.replace('{namespace}', namespace);
    return {
        name: entry.name,
        namespace,
        roleRef: { kind: entry.roleRef.kind === 'Role' ? 'Role' : 'ClusterRole', name: entry.roleRef.name },
        subjects: entry.subjects.map((subject) => ({
            kind: subject.kind,
            name: fill(subject.name),
            ...(subject.namespace ? { namespace: fill(subject.namespace) } : {}),
        })),
        origin,
    };
}
/** The default RoleBindings OpenShift creates in every namespace (e.g. system:image-pullers). */
function defaultRoleBindings(namespace) {
    return dataset.namespaceRoleBindings.map((entry) => binding(entry, namespace, `the default RoleBinding ${entry.name} of ${namespace}`));
}
/**
 * The cluster as the manifests describe it, completed with OpenShift's built-ins. What the manifests define
 * wins: a ClusterRole, Role or RoleBinding of the same name replaces the built-in one.
 */
function withOpenShiftBuiltins(state) {
    const clusterRoles = new Map(state.clusterRoles);
    for (const entry of dataset.clusterRoles)
        if (!clusterRoles.has(entry.name))
            clusterRoles.set(entry.name, role(entry));
    const roles = new Map(state.roles);
    for (const entry of dataset.openshiftNamespaceRoles) {
        const key = `${entry.namespace}/${entry.name}`;
        if (!roles.has(key))
            roles.set(key, role(entry));
    }
    const roleBindings = new Map(state.roleBindings);
    for (const entry of dataset.openshiftNamespaceRoleBindings) {
        const namespace = entry.namespace ?? 'openshift';
        const written = roleBindings.get(namespace) ?? [];
        if (written.some((existing) => existing.name === entry.name))
            continue;
        roleBindings.set(namespace, [
            ...written,
            binding(entry, namespace, `the built-in RoleBinding ${entry.name} of ${namespace}`),
        ]);
    }
    return { ...state, clusterRoles, roles, roleBindings };
}


/***/ }),

/***/ 24964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ evaluateIntegratedRegistryPull)
/* harmony export */ });
/* harmony import */ var _fixes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84396);
/* harmony import */ var _rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32959);
/* harmony import */ var _builtin_roles_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50194);



function evaluateIntegratedRegistryPull(image, account, state, severalInNamespace) {
    const request = {
        verb: 'get',
        apiGroups: ['image.openshift.io', ''],
        resource: 'imagestreams',
        subresource: 'layers',
        name: image.imageStream,
        namespace: image.namespace,
    };
    // The default bindings exist in every project unless the manifests carry their own version of one
    // (its annotation: "auto-managed by a controller; remove subjects to disable").
    const written = new Set((state.roleBindings.get(image.namespace) ?? []).map((binding) => binding.name));
    const defaults = (0,_builtin_roles_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultRoleBindings */ .A)(image.namespace).filter((binding) => !written.has(binding.name));
    const decision = (0,_rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__/* .authorize */ .Gq)(state, (0,_rbac_authorize_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceAccountUser */ .Ep)(account.namespace, account.name), request, defaults);
    const asked = `get imagestreams/layers "${image.imageStream}" in ${image.namespace}`;
    if (decision.result === 'yes') {
        return {
            verdict: 'allowed',
            reasons: [`${asked}: granted by ${decision.grantedBy.join('; ')}`],
            missing: [],
        };
    }
    if (decision.result === 'unknown') {
        return {
            verdict: 'unknown',
            reasons: decision.unknownBecause.map((why) => `unknown: ${why}`),
            missing: [],
        };
    }
    return {
        verdict: 'denied',
        reasons: [
            `${asked}: no RoleBinding in ${image.namespace} nor ClusterRoleBinding grants it to system:serviceaccount:${account.namespace}:${account.name} or its groups`,
        ],
        missing: [(0,_fixes_js__WEBPACK_IMPORTED_MODULE_2__/* .imagePullerFix */ .z9)(account, image.namespace, image.imageStream, severalInNamespace)],
    };
}


/***/ }),

/***/ 32959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ serviceAccountUser),
/* harmony export */   Gq: () => (/* binding */ authorize),
/* harmony export */   ko: () => (/* binding */ selects)
/* harmony export */ });
/** The service account's user and the groups the API server gives it. */
function serviceAccountUser(namespace, name) {
    return {
        user: `system:serviceaccount:${namespace}:${name}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
        serviceAccount: { namespace, name },
    };
}
function authorize(state, user, request, extraBindings = []) {
    const grantedBy = [];
    const unknownBecause = [];
    const bindings = [
        ...state.clusterRoleBindings,
        ...(state.roleBindings.get(request.namespace) ?? []),
        ...extraBindings,
    ];
    for (const binding of bindings) {
        if (binding.namespace !== undefined && binding.namespace !== request.namespace)
            continue;
        if (!binding.subjects.some((subject) => subjectCovers(subject, binding, user)))
            continue;
        const role = roleOf(state, binding);
        if (!role) {
            unknownBecause.push(`${binding.origin} refers to ${binding.roleRef.kind} ${binding.roleRef.name}, which is neither in facts.kubernetes.manifests nor built in: add it to the manifests`);
            continue;
        }
        if (effectiveRules(state, role).some((rule) => ruleMatches(rule, request))) {
            grantedBy.push(`${binding.origin} → ${binding.roleRef.kind} ${binding.roleRef.name}`);
        }
    }
    if (grantedBy.length === 0 && !state.namespaces.has(request.namespace)) {
        unknownBecause.push(`the RoleBindings of namespace ${request.namespace} are not in facts.kubernetes.manifests: add them (oc get rolebindings -n ${request.namespace} -o yaml)`);
    }
    const result = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
    return { result, grantedBy, unknownBecause };
}
function subjectCovers(subject, binding, user) {
    switch (subject.kind) {
        case 'User':
            return subject.name === user.user;
        case 'Group':
            return user.groups.includes(subject.name);
        case 'ServiceAccount': {
            // A ServiceAccount subject's namespace defaults to the binding's (RoleBindings only).
            const namespace = subject.namespace ?? binding.namespace;
            return user.serviceAccount?.namespace === namespace && user.serviceAccount?.name === subject.name;
        }
    }
}
function roleOf(state, binding) {
    if (binding.roleRef.kind === 'ClusterRole')
        return state.clusterRoles.get(binding.roleRef.name);
    return state.roles.get(`${binding.namespace ?? ''}/${binding.roleRef.name}`);
}
/** A ClusterRole's own rules plus those of every ClusterRole its aggregationRule selects, transitively. */
function effectiveRules(state, role, seen = new Set()) {
    seen.add(role.name);
    const rules = [...role.rules];
    for (const selector of role.aggregation ?? []) {
        for (const candidate of state.clusterRoles.values()) {
            if (seen.has(candidate.name) || !selects(selector, candidate.labels))
                continue;
            rules.push(...effectiveRules(state, candidate, seen));
        }
    }
    return rules;
}
function selects(selector, labels) {
    const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
    const matchExpressions = (selector.matchExpressions ?? []).every((requirement) => {
        const value = labels[requirement.key];
        switch (requirement.operator) {
            case 'In':
                return value !== undefined && (requirement.values ?? []).includes(value);
            case 'NotIn':
                return value === undefined || !(requirement.values ?? []).includes(value);
            case 'Exists':
                return value !== undefined;
            case 'DoesNotExist':
                return value === undefined;
        }
    });
    // An empty selector selects nothing in aggregation (the controller skips it).
    const empty = !selector.matchLabels && !selector.matchExpressions;
    return !empty && matchLabels && matchExpressions;
}
function ruleMatches(rule, request) {
    const verb = rule.verbs.includes('*') || rule.verbs.includes(request.verb);
    const group = rule.apiGroups.includes('*') || request.apiGroups.some((g) => rule.apiGroups.includes(g));
    const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
    const resource = rule.resources.includes('*') ||
        rule.resources.includes(combined) ||
        // "*/scale" style: every resource's named subresource.
        (request.subresource !== undefined && rule.resources.includes(`*/${request.subresource}`));
    const name = rule.resourceNames.length === 0 || rule.resourceNames.includes(request.name);
    return verb && group && resource && name;
}


/***/ })

};
