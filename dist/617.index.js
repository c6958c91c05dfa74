export const id = 617;
export const ids = [617];
export const modules = {

/***/ 62617:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   read: () => (/* binding */ read)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89744);
/* harmony import */ var _openshift_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40745);
// Live reads of the cluster objects OpenShift and Kubernetes targets need, over the access the entry gives:
// `kubeconfig` (the CLI: KUBECONFIG, else ~/.kube/config) or a server and token (the action's
// openshift-server and openshift-token); without one, a note says the cluster facts come from the config.





async function read(context) {
    const { config, plan, runner } = context;
    const targets = (config.input.targets ?? []).filter((target) => target.platform === 'openshift' || target.platform === 'kubernetes');
    if (targets.length === 0 && !context.ciPushes?.length)
        return undefined;
    const given = context.credentials['kubernetes'];
    const access = given === 'kubeconfig' ? ambientKubeconfig() : given;
    if (!access) {
        const hint = context.credentialHints['kubernetes'] ?? HINT;
        return {
            notes: [`no cluster access: Kubernetes and OpenShift facts come from the config only (${hint})`],
        };
    }
    const streams = plan.images.flatMap((image) => {
        const stream = (0,_openshift_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .openshiftLocationOf */ .Js)(image);
        return stream ? [{ namespace: stream.namespace, name: stream.imageStream }] : [];
    });
    const pushes = ciPushes(context);
    try {
        // The Kubernetes client loads only when a cluster is read.
        const { collectKubernetesObjects } = await __webpack_require__.e(/* import() */ 432).then(__webpack_require__.bind(__webpack_require__, 37432));
        const collected = await collectKubernetesObjects({
            targets,
            imageNamespaces: [...new Set(streams.map((s) => s.namespace))],
            imageStreams: streams,
            ...(pushes.users.length > 0 ? { pushes } : {}),
        }, access, runner);
        return { facts: { objects: collected.objects }, notes: collected.notes };
    }
    catch (error) {
        const where = 'kubeconfigFile' in access ? `${access.kubeconfigFile}: ` : '';
        return { notes: [`${where}${error.message}; Kubernetes facts come from the config only`] };
    }
}
/** The users that push to the integrated registry (issue 18), and the namespaces they push to. */
function ciPushes(context) {
    const pushes = (context.ciPushes ?? []).flatMap(({ image, principal }) => {
        const stream = (0,_openshift_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .openshiftLocationOf */ .Js)(image);
        const user = principal.startsWith(_index_js__WEBPACK_IMPORTED_MODULE_3__/* .OPENSHIFT_USER */ .X_) ? principal.slice(_index_js__WEBPACK_IMPORTED_MODULE_3__/* .OPENSHIFT_USER */ .X_.length) : principal;
        return stream && _index_js__WEBPACK_IMPORTED_MODULE_3__/* .kubernetes */ .pm.ownsPrincipal(principal) ? [{ user, namespace: stream.namespace }] : [];
    });
    return {
        users: [...new Set(pushes.map((push) => push.user))],
        namespaces: [...new Set(pushes.map((push) => push.namespace))],
    };
}
const HINT = 'set KUBECONFIG, or write ~/.kube/config (kubectl config, oc login, aws eks update-kubeconfig)';
/** The first KUBECONFIG file, else ~/.kube/config, when there is one. */
function ambientKubeconfig() {
    const file = process.env['KUBECONFIG']?.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)[0] || node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.kube', 'config');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? { kubeconfigFile: file } : undefined;
}


/***/ })

};
