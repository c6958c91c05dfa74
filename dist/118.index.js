export const id = 118;
export const ids = [118];
export const modules = {

/***/ 2737:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logIn: () => (/* binding */ logIn),
/* harmony export */   refusedHint: () => (/* binding */ refusedHint)
/* harmony export */ });
/* harmony import */ var _core_provider_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87990);

const refusedHint = 'the token must be valid for the cluster, and its user needs registry-viewer (or system:image-puller) in the project';
const SERVICE_HOST = /\.svc(\.cluster\.local)?(:\d+)?$/;
async function logIn(context) {
    const { inputs } = context;
    // The context holds only integrated-registry images (this provider's one registry).
    const hosts = [...new Set(context.images.map((image) => image.host))];
    const reachable = hosts.filter((host) => !SERVICE_HOST.test(host) || context.endpoints[host]);
    for (const host of hosts.filter((h) => !reachable.includes(h))) {
        context.warning(`pullcheck: ${host} is the registry's in-cluster service name: list its route host (default-route-openshift-image-registry.APPS_DOMAIN) in the target's registryHosts to log in from the runner`);
    }
    if (reachable.length === 0)
        return { logins: [] };
    let token = inputs['openshift-token'];
    if (!token && inputs['openshift-server']) {
        try {
            token = await context.getIdToken(inputs['audience'] ?? 'openshift');
        }
        catch (error) {
            throw new _core_provider_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(error.message);
        }
    }
    if (!token) {
        context.warning('pullcheck: no openshift-token or openshift-server: skipping the OpenShift registry logins');
        return { logins: [] };
    }
    context.mask(token);
    return { logins: reachable.map((host) => ({ host, username: 'pullcheck', password: token })) };
}


/***/ })

};
