export const id = 133;
export const ids = [133];
export const modules = {

/***/ 41666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XC: () => (/* binding */ REGISTRY_BUCKET_PULL_ROLES),
/* harmony export */   _L: () => (/* binding */ pullResource)
/* harmony export */ });
/* unused harmony exports DOWNLOAD_ARTIFACTS, GET_OBJECT */
const DOWNLOAD_ARTIFACTS = 'artifactregistry.repositories.downloadArtifacts';
const GET_OBJECT = 'storage.objects.get';
/**
 * Container Registry docs, "Configure access control": Storage Legacy Bucket Writer on the registry bucket is the
 * role to "push (write) and pull (read) images", although its listed permissions lack storage.objects.get.
 */
const REGISTRY_BUCKET_PULL_ROLES = new Set(['roles/storage.legacyBucketWriter']);
function pullResource(registry, facts) {
    if (registry.kind === 'gar') {
        return repository(registry.project, registry.location, registry.repository);
    }
    if (facts.projects.get(registry.project)?.gcrBackend === 'storage') {
        const bucket = legacyBucket(registry.host, registry.project);
        return {
            kind: 'bucket',
            name: `buckets/${bucket}`,
            project: registry.project,
            bucket,
            permission: GET_OBJECT,
        };
    }
    // gcr.io hosts are served by Artifact Registry repositories named after the host.
    return repository(registry.project, registry.location, registry.host);
}
function repository(project, location, name) {
    return {
        kind: 'repository',
        name: `projects/${project}/locations/${location}/repositories/${name}`,
        project,
        location,
        repository: name,
        permission: DOWNLOAD_ARTIFACTS,
    };
}
/**
 * gcr.io → artifacts.PROJECT.appspot.com; us./eu./asia.gcr.io → us./eu./asia.artifacts.PROJECT.appspot.com.
 * Domain-scoped projects (example.com:proj) use artifacts.proj.example.com.a.appspot.com.
 */
function legacyBucket(host, project) {
    const prefix = host === 'gcr.io' ? '' : `${host.slice(0, host.indexOf('.'))}.`;
    const colon = project.indexOf(':');
    const name = colon === -1
        ? `${project}.appspot.com`
        : `${project.slice(colon + 1)}.${project.slice(0, colon)}.a.appspot.com`;
    return `${prefix}artifacts.${name}`;
}


/***/ }),

/***/ 37133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildRules: () => (/* binding */ buildRules)
});

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/providers/gcp/data/gcp-registry-roles.json
const gcp_registry_roles_namespaceObject = /*#__PURE__*/JSON.parse('{"source":"github.com/iann0036/iam-dataset gcp/roles (MIT License), commit 2073fa52ac008a45477aa0b1b4580cd99135bf60, 2026-08-22","note":"Predefined Google Cloud roles that carry at least one of the listed permissions, with the subset they carry. Regenerate from the dataset; do not edit by hand.","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"],"roles":{"roles/aiedgeportal.serviceAgent":{"stage":"GA","title":"AI Edge Portal Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/aiplatform.agentSandboxServiceAgent":{"stage":"GA","title":"Vertex AI Agent Sandbox Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/aiplatform.batchPredictionServiceAgent":{"stage":"GA","title":"Vertex AI Batch Prediction Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.customCodeServiceAgent":{"stage":"GA","title":"Vertex AI Custom Code Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.extensionCustomCodeServiceAgent":{"stage":"GA","title":"Vertex AI Extension Custom Code Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/aiplatform.extensionServiceAgent":{"stage":"GA","title":"Vertex AI Extension Service Agent","permissions":["storage.objects.get"]},"roles/aiplatform.modelMonitoringServiceAgent":{"stage":"GA","title":"Vertex AI Model Monitoring Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.ragServiceAgent":{"stage":"GA","title":"Vertex AI RAG Data Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.reasoningEngineServiceAgent":{"stage":"GA","title":"Vertex AI Reasoning Engine Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.serviceAgent":{"stage":"GA","title":"Vertex AI Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/aiplatform.tuningServiceAgent":{"stage":"GA","title":"Vertex AI Tuning Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/appengine.appAdmin":{"stage":"GA","title":"App Engine Admin","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/appengine.deployer":{"stage":"GA","title":"App Engine Deployer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/appengine.serviceAgent":{"stage":"GA","title":"App Engine Standard Environment Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.buckets.get"]},"roles/appengineflex.serviceAgent":{"stage":"GA","title":"App Engine flexible environment Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/apphub.appManagementViewer":{"stage":"BETA","title":"App Management Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/artifactregistry.admin":{"stage":"GA","title":"Artifact Registry Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/artifactregistry.containerRegistryMigrationAdmin":{"stage":"GA","title":"Container Registry -> Artifact Registry Migration Admin","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.list"]},"roles/artifactregistry.createOnPushRepoAdmin":{"stage":"GA","title":"Artifact Registry Create-on-Push Repository Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.createOnPushWriter":{"stage":"GA","title":"Artifact Registry Create-on-Push Writer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.editor":{"stage":"GA","title":"Artifactregistry Editor","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/artifactregistry.reader":{"stage":"GA","title":"Artifact Registry Reader","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.repoAdmin":{"stage":"GA","title":"Artifact Registry Repository Administrator","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/artifactregistry.serviceAgent":{"stage":"GA","title":"Artifact Registry Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.viewer":{"stage":"GA","title":"Artifactregistry Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/artifactregistry.writer":{"stage":"GA","title":"Artifact Registry Writer","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/assuredoss.admin":{"stage":"GA","title":"Assured OSS Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.projectAdmin":{"stage":"BETA","title":"Assured OSS Project Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.reader":{"stage":"GA","title":"Assured OSS Reader","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/assuredoss.user":{"stage":"GA","title":"Assured OSS User","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/auditmanager.serviceAgent":{"stage":"GA","title":"Audit Manager Auditing Service Agent","permissions":["storage.buckets.get"]},"roles/automl.serviceAgent":{"stage":"GA","title":"AutoML Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/automlrecommendations.serviceAgent":{"stage":"GA","title":"Recommendations AI Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/backupdr.cloudStorageOperator":{"stage":"GA","title":"Backup and DR Cloud Storage Operator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/bigquerymigration.orchestrator":{"stage":"GA","title":"Task Orchestrator","permissions":["storage.objects.list"]},"roles/bigquerymigration.worker":{"stage":"GA","title":"Task Worker","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/binaryauthorization.serviceAgent":{"stage":"GA","title":"Binary Authorization Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.list"]},"roles/ces.serviceAgent":{"stage":"GA","title":"Customer Engagement Suite Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/chronicle.serviceAgent":{"stage":"GA","title":"Chronicle Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/chronicle.soarServiceAgent":{"stage":"GA","title":"Chronicle SOAR Service Agent","permissions":["storage.buckets.get"]},"roles/cloudasset.serviceAgent":{"stage":"GA","title":"Cloud Asset Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/cloudbuild.builds.builder":{"stage":"GA","title":"Cloud Build Service Account","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudbuild.serviceAgent":{"stage":"GA","title":"Cloud Build Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudconfig.serviceAgent":{"stage":"GA","title":"Infrastructure Manager Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/clouddeploy.jobRunner":{"stage":"GA","title":"Cloud Deploy Runner","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/clouddeploy.serviceAgent":{"stage":"GA","title":"Cloud Deploy Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/clouddeploymentmanager.serviceAgent":{"stage":"GA","title":"Cloud Deployment Manager Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudfunctions.admin":{"stage":"GA","title":"Cloud Functions Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.developer":{"stage":"GA","title":"Cloud Functions Developer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.editor":{"stage":"GA","title":"Cloud Functions Editor","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/cloudfunctions.serviceAgent":{"stage":"GA","title":"(Deprecated) Cloud Functions Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudhub.operator":{"stage":"BETA","title":"Cloud Hub Operator","permissions":["storage.objects.get","storage.objects.list"]},"roles/cloudmigration.inframanager":{"stage":"BETA","title":"Velostrata Manager","permissions":["storage.buckets.get"]},"roles/cloudmigration.storageaccess":{"stage":"BETA","title":"Velostrata Storage Access","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/cloudoptimization.serviceAgent":{"stage":"GA","title":"Cloud Optimization Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudsecuritycompliance.serviceAgent":{"stage":"GA","title":"Cloud Security Compliance Service Agent","permissions":["storage.buckets.get"]},"roles/cloudtestservice.testAdmin":{"stage":"GA","title":"Firebase Test Lab Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/cloudtestservice.testViewer":{"stage":"GA","title":"Firebase Test Lab Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/cloudtranslate.serviceAgent":{"stage":"GA","title":"Cloud Translation API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/compliancescanning.serviceAgent":{"stage":"GA","title":"Compliance Scanning Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/composer.environmentAndStorageObjectAdmin":{"stage":"GA","title":"Environment and Storage Object Administrator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/composer.environmentAndStorageObjectUser":{"stage":"GA","title":"Environment and Storage Object User","permissions":["storage.objects.get","storage.objects.list"]},"roles/composer.environmentAndStorageObjectViewer":{"stage":"GA","title":"Environment and Storage Object Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/composer.serviceAgent":{"stage":"GA","title":"Cloud Composer API Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/composer.worker":{"stage":"GA","title":"Composer Worker","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/compute.serviceAgent":{"stage":"GA","title":"Compute Engine Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/config.agent":{"stage":"GA","title":"Cloud Infrastructure Manager Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/configdelivery.serviceAgent":{"stage":"GA","title":"Config Delivery Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts"]},"roles/contactcenterinsights.serviceAgent":{"stage":"GA","title":"Contact Center AI Insights Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/container.nodeServiceAccount":{"stage":"GA","title":"Kubernetes Engine Node Service Account","permissions":["storage.objects.get","storage.objects.list"]},"roles/container.nodeServiceAgent":{"stage":"GA","title":"[Deprecated] Kubernetes Engine Node Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/containeranalysis.ServiceAgent":{"stage":"GA","title":"Container Analysis Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/containerregistry.ServiceAgent":{"stage":"GA","title":"Container Registry Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/containerscanning.ServiceAgent":{"stage":"GA","title":"Container Scanner Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/contentwarehouse.serviceAgent":{"stage":"GA","title":"Content Warehouse Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.admin":{"stage":"GA","title":"Dataflow Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.serviceAgent":{"stage":"GA","title":"Cloud Dataflow Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataflow.worker":{"stage":"GA","title":"Dataflow Worker","permissions":["storage.objects.get","storage.objects.create","storage.buckets.get"]},"roles/datafusion.serviceAgent":{"stage":"GA","title":"Cloud Data Fusion API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datalabeling.serviceAgent":{"stage":"GA","title":"Data Labeling Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/datamigration.serviceAgent":{"stage":"GA","title":"Database Migration Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/datapipelines.serviceAgent":{"stage":"GA","title":"Datapipelines Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.discoveryServiceAgent":{"stage":"GA","title":"Dataplex Discovery Service Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataplex.serviceAgent":{"stage":"GA","title":"Cloud Dataplex Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataOwner":{"stage":"GA","title":"Dataplex Storage Data Owner","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataReader":{"stage":"GA","title":"Dataplex Storage Data Reader","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataplex.storageDataWriter":{"stage":"GA","title":"Dataplex Storage Data Writer","permissions":["storage.objects.create"]},"roles/dataprep.serviceAgent":{"stage":"GA","title":"Dataprep Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataproc.hubAgent":{"stage":"GA","title":"Dataproc Hub Agent","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dataproc.serviceAgent":{"stage":"GA","title":"Dataproc Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dataproc.worker":{"stage":"GA","title":"Dataproc Worker","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datastream.serviceAgent":{"stage":"GA","title":"Datastream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/datastudio.managedStorageServiceAgent":{"stage":"GA","title":"Data Studio Managed Storage Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/designcenter.admin":{"stage":"GA","title":"Application Design Center Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/designcenter.editor":{"stage":"GA","title":"Designcenter Editor","permissions":["storage.objects.get","storage.objects.list"]},"roles/designcenter.serviceAgent":{"stage":"GA","title":"DesignCenter Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/designcenter.user":{"stage":"GA","title":"Application Design Center User","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/designcenter.viewer":{"stage":"GA","title":"Application Design Center Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/dialogflow.serviceAgent":{"stage":"GA","title":"Dialogflow Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/discoveryengine.serviceAgent":{"stage":"GA","title":"Discovery Engine Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/dlp.orgdriver":{"stage":"GA","title":"DLP Organization Data Profiles Driver","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dlp.projectdriver":{"stage":"GA","title":"DLP Project Data Profiles Driver","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/dlp.serviceAgent":{"stage":"GA","title":"DLP API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/documentaicore.serviceAgent":{"stage":"GA","title":"DocumentAI Core Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/edgecontainer.clusterServiceAgent":{"stage":"GA","title":"Edge Container Cluster Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/editor":{"stage":"GA","title":"Editor","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/enterpriseknowledgegraph.serviceAgent":{"stage":"GA","title":"Enterprise Knowledge Graph Service Agent","permissions":["storage.objects.get","storage.objects.list"]},"roles/eventarc.serviceAgent":{"stage":"GA","title":"Eventarc Service Agent","permissions":["storage.buckets.get"]},"roles/firebase.admin":{"stage":"GA","title":"Firebase Admin","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.developAdmin":{"stage":"GA","title":"Firebase Develop Admin","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.developViewer":{"stage":"GA","title":"Firebase Develop Viewer","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebase.editor":{"stage":"GA","title":"Firebase Editor","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebase.managementServiceAgent":{"stage":"GA","title":"Firebase Service Management Service Agent","permissions":["storage.buckets.get"]},"roles/firebase.sdkAdminServiceAgent":{"stage":"GA","title":"Firebase Admin SDK Administrator Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebase.viewer":{"stage":"GA","title":"Firebase Viewer","permissions":["storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/firebaseapphosting.computeRunner":{"stage":"GA","title":"Firebase App Hosting Compute Runner","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/firebaseapphosting.serviceAgent":{"stage":"GA","title":"Firebase App Hosting Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/firebaserules.system":{"stage":"GA","title":"Firebase Rules System","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/firebasestorage.serviceAgent":{"stage":"GA","title":"Cloud Storage for Firebase Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/firebasetelemetry.serviceAgent":{"stage":"GA","title":"Firebase Telemetry Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/firestore.serviceAgent":{"stage":"GA","title":"Firestore Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/geminicloudassist.admin":{"stage":"BETA","title":"Gemini Cloud Assist Admin","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.editor":{"stage":"BETA","title":"Gemini Cloud Assist Editor","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.user":{"stage":"BETA","title":"Gemini Cloud Assist User","permissions":["storage.objects.get","storage.objects.list"]},"roles/geminicloudassist.viewer":{"stage":"BETA","title":"Gemini Cloud Assist Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/generativelanguage.serviceAgent":{"stage":"GA","title":"Generative Language Service Agent","permissions":["storage.objects.get","storage.buckets.get"]},"roles/gkemulticloud.controlPlaneMachineServiceAgent":{"stage":"GA","title":"Anthos Multi-Cloud Control Plane Machine Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/gkemulticloud.nodePoolMachineServiceAgent":{"stage":"GA","title":"Anthos Multi-Cloud Node Pool Machine Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/hypercomputecluster.serviceAgent":{"stage":"GA","title":"Cluster Director Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.dataScientist":{"stage":"GA","title":"Data Scientist","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.databasesAdmin":{"stage":"GA","title":"Databases Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.devOps":{"stage":"GA","title":"Dev Ops","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.infrastructureAdmin":{"stage":"GA","title":"Infrastructure Administrator","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/iam.mlEngineer":{"stage":"GA","title":"ML Engineer","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/iam.securityAdmin":{"stage":"GA","title":"Security Admin","permissions":["storage.objects.list"]},"roles/iam.securityAuditor":{"stage":"GA","title":"Security Auditor","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.list","storage.buckets.get"]},"roles/iam.securityReviewer":{"stage":"GA","title":"Security Reviewer","permissions":["storage.objects.list"]},"roles/iam.supportUser":{"stage":"GA","title":"Support User","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list","storage.buckets.get"]},"roles/integrations.serviceAgent":{"stage":"GA","title":"Application Integration Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/issuerswitch.serviceAgent":{"stage":"ALPHA","title":"Payment Gateway Issuer Switch Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/kuberun.eventsControlPlaneServiceAgent":{"stage":"GA","title":"KubeRun Events Control Plane Service Agent","permissions":["storage.buckets.get"]},"roles/livestream.serviceAgent":{"stage":"GA","title":"Live Stream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/managedflink.serviceAgent":{"stage":"GA","title":"Managed Flink Service Agent","permissions":["storage.objects.get"]},"roles/managedidentities.domaincontrollerOperator":{"stage":"GA","title":"Google Cloud Managed Identities Domain Controller Operator","permissions":["storage.objects.get","storage.objects.list"]},"roles/mediaasset.serviceAgent":{"stage":"GA","title":"Media Asset Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/metastore.serviceAgent":{"stage":"GA","title":"Dataproc Metastore Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/migrationcenter.serviceAgent":{"stage":"GA","title":"Migration Center Service Agent","permissions":["storage.objects.get"]},"roles/ml.serviceAgent":{"stage":"GA","title":"AI Platform Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/networkactions.serviceAgent":{"stage":"GA","title":"Network Actions Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/ondemandscanning.serviceAgent":{"stage":"GA","title":"On-Demand Scanning Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/owner":{"stage":"GA","title":"Owner","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","artifactregistry.repositories.createOnPush"]},"roles/retail.serviceAgent":{"stage":"GA","title":"Retail Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/routeoptimization.serviceAgent":{"stage":"GA","title":"Route Optimization Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.builder":{"stage":"GA","title":"Cloud Run Builder","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get"]},"roles/run.serviceAgent":{"stage":"GA","title":"Cloud Run Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.sourceDeveloper":{"stage":"GA","title":"Cloud Run Source Developer","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/run.sourceViewer":{"stage":"GA","title":"Cloud Run Source Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/runapps.serviceAgent":{"stage":"GA","title":"Serverless Integrations Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/saasservicemgmt.serviceAgent":{"stage":"GA","title":"SaaS Service Management Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/securedlandingzone.bqdwProjectRemediator":{"stage":"BETA","title":"SLZ BQDW Blueprint Project Level Remediator","permissions":["storage.buckets.get"]},"roles/securitycenter.admin":{"stage":"GA","title":"Security Center Admin","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.adminEditor":{"stage":"GA","title":"Security Center Admin Editor","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.adminViewer":{"stage":"GA","title":"Security Center Admin Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/securitycenter.controlServiceAgent":{"stage":"GA","title":"Security Center Control Service Agent","permissions":["storage.buckets.get"]},"roles/securitycenter.securityResponseServiceAgent":{"stage":"GA","title":"Google Cloud Security Response Service Agent","permissions":["storage.buckets.get"]},"roles/securitycenter.serviceAgent":{"stage":"GA","title":"Security Center Service Agent","permissions":["storage.buckets.get"]},"roles/serverless.serviceAgent":{"stage":"GA","title":"Cloud Run Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","storage.objects.get","storage.objects.list"]},"roles/spanner.serviceAgent":{"stage":"GA","title":"Cloud Spanner API Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/speech.serviceAgent":{"stage":"GA","title":"Cloud Speech-to-Text Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.admin":{"stage":"GA","title":"Storage Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.annotationGeneratorService":{"stage":"BETA","title":"Storage Annotation Generator Service","permissions":["storage.objects.get","storage.objects.list"]},"roles/storage.bucketViewer":{"stage":"BETA","title":"Storage Bucket Viewer","permissions":["storage.buckets.get"]},"roles/storage.expressModeServiceInput":{"stage":"BETA","title":"Storage Express Mode Service Input","permissions":["storage.objects.create","storage.objects.list"]},"roles/storage.expressModeServiceOutput":{"stage":"BETA","title":"Storage Express Mode Service Output","permissions":["storage.objects.get","storage.objects.list"]},"roles/storage.expressModeUserAccess":{"stage":"BETA","title":"Storage Express Mode User Access","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.folderAdmin":{"stage":"GA","title":"Storage Folder Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.insightsCollectorService":{"stage":"GA","title":"Storage Insights Collector Service","permissions":["storage.buckets.get"]},"roles/storage.legacyBucketOwner":{"stage":"GA","title":"Storage Legacy Bucket Owner","permissions":["storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.legacyBucketReader":{"stage":"GA","title":"Storage Legacy Bucket Reader","permissions":["storage.objects.list","storage.buckets.get"]},"roles/storage.legacyBucketWriter":{"stage":"GA","title":"Storage Legacy Bucket Writer","permissions":["storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/storage.legacyObjectOwner":{"stage":"GA","title":"Storage Legacy Object Owner","permissions":["storage.objects.get"]},"roles/storage.legacyObjectReader":{"stage":"GA","title":"Storage Legacy Object Reader","permissions":["storage.objects.get"]},"roles/storage.objectAdmin":{"stage":"GA","title":"Storage Object Admin","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.objectCreator":{"stage":"GA","title":"Storage Object Creator","permissions":["storage.objects.create"]},"roles/storage.objectUser":{"stage":"GA","title":"Storage Object User","permissions":["storage.objects.get","storage.objects.create","storage.objects.list"]},"roles/storage.objectViewer":{"stage":"GA","title":"Storage Object Viewer","permissions":["storage.objects.get","storage.objects.list"]},"roles/stream.serviceAgent":{"stage":"GA","title":"Stream Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/transcoder.serviceAgent":{"stage":"GA","title":"Transcoder Service Agent","permissions":["storage.objects.get","storage.objects.create"]},"roles/vectorsearch.serviceAgent":{"stage":"GA","title":"Vector Search Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/viewer":{"stage":"GA","title":"Viewer","permissions":["artifactregistry.repositories.downloadArtifacts"]},"roles/visionai.serviceAgent":{"stage":"GA","title":"Cloud Vision AI Service Agent","permissions":["storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/visualinspection.serviceAgent":{"stage":"GA","title":"Visual Inspection AI Service Agent","permissions":["artifactregistry.repositories.downloadArtifacts","artifactregistry.repositories.uploadArtifacts","storage.objects.get","storage.objects.create","storage.objects.list","storage.buckets.get"]},"roles/workloadmanager.admin":{"stage":"BETA","title":"Workload Manager Admin","permissions":["storage.objects.list"]},"roles/workloadmanager.deploymentAdmin":{"stage":"BETA","title":"Workload Manager Deployment Admin","permissions":["storage.objects.list"]}}}');
;// CONCATENATED MODULE: ./lib/providers/gcp/roles.js
// Which permissions a Google Cloud role carries: predefined roles from the shipped dataset (never a
// hand-typed list), custom roles from facts.gcp.roles.

const dataset = gcp_registry_roles_namespaceObject;
const PREDEFINED_ROLE = /^roles\/[A-Za-z0-9_.]+$/;
const CUSTOM_ROLE = /^(projects|organizations)\/[^/]+\/roles\/[A-Za-z0-9_.]+$/;
/**
 * SPEC §3: predefined roles not in the dataset carry none of the permissions pullcheck checks (the dataset
 * lists every predefined role that carries one); custom roles not in facts are unknown.
 */
function rolePermissions(role, customRoles) {
    if (PREDEFINED_ROLE.test(role)) {
        const entry = Object.hasOwn(dataset.roles, role) ? dataset.roles[role] : undefined;
        return { permissions: new Set(entry?.permissions ?? []) };
    }
    const custom = customRoles.get(role);
    if (custom)
        return { permissions: custom };
    return {
        unknown: `custom role ${role} is not in facts.gcp.roles: add it with its includedPermissions (gcloud iam roles describe)`,
    };
}
function isValidRoleName(role) {
    return PREDEFINED_ROLE.test(role) || CUSTOM_ROLE.test(role);
}

;// CONCATENATED MODULE: ./lib/providers/gcp/iam-policy.js
// Google Cloud IAM allow policies as `gcloud … get-iam-policy --format=json` prints them, validated once.

class IamPolicyError extends Error {
    name = 'IamPolicyError';
}
const POLICY_KEYS = new Set(['bindings', 'etag', 'version', 'auditConfigs']);
// The fields of a `Binding` (IAM reference, Policy): a misspelt `condition` must not drop the condition.
const BINDING_KEYS = new Set(['role', 'members', 'condition']);
// IAM principal identifiers (IAM docs, "Principal identifiers"; the `Binding.members` reference); anything else is
// a typo. The reference also lists `serviceAccount:{projectid}.svc.id.goog[{namespace}/{kubernetes-sa}]` (a
// Kubernetes service account) and `deleted:principal://iam.googleapis.com/locations/global/workforcePools/…`.
const MEMBER = /^(allUsers|allAuthenticatedUsers|(user|serviceAccount|group):[^\s@]+@[^\s@]+|serviceAccount:[a-z0-9.:-]+\.svc\.id\.goog\[[^\s/\]]+\/[^\s/\]]+\]|domain:[a-z0-9.-]+\.[a-z]+|(projectOwner|projectEditor|projectViewer):[a-z][a-z0-9.:-]*|principal:\/\/\S+|principalSet:\/\/\S+|deleted:(user|serviceAccount|group):\S+|deleted:principal:\/\/\S+)$/;
function parseIamPolicy(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new IamPolicyError('expected an IAM policy object with `bindings`');
    }
    for (const key of Object.keys(value)) {
        if (!POLICY_KEYS.has(key)) {
            throw new IamPolicyError(`unknown key \`${key}\` in the IAM policy; expected bindings, etag, version, auditConfigs`);
        }
    }
    const bindings = value.bindings;
    // gcloud prints a policy without bindings as `{ "etag": "ACAB" }`: no bindings.
    if (bindings === undefined)
        return { bindings: [] };
    if (!Array.isArray(bindings))
        throw new IamPolicyError('`bindings` must be a list');
    return { bindings: bindings.map((binding, i) => parseBinding(binding, i + 1)) };
}
function parseBinding(value, index) {
    const where = `binding #${index}`;
    if (typeof value !== 'object' || value === null)
        throw new IamPolicyError(`${where}: expected an object`);
    const unknownKey = Object.keys(value).find((key) => !BINDING_KEYS.has(key));
    if (unknownKey !== undefined) {
        throw new IamPolicyError(`${where}: unknown key \`${unknownKey}\`; expected role, members, condition`);
    }
    const { role, members, condition } = value;
    if (typeof role !== 'string' || !isValidRoleName(role)) {
        throw new IamPolicyError(`${where}: \`role\` must be roles/NAME, projects/P/roles/NAME or organizations/O/roles/NAME (got ${JSON.stringify(role)})`);
    }
    if (!Array.isArray(members) || !members.every((member) => typeof member === 'string')) {
        throw new IamPolicyError(`${where}: \`members\` must be a list of strings`);
    }
    const malformed = members.find((member) => !MEMBER.test(member));
    if (malformed !== undefined) {
        throw new IamPolicyError(`${where}: malformed member ${JSON.stringify(malformed)}; expected serviceAccount:EMAIL, user:EMAIL, group:EMAIL, domain:DOMAIN, allUsers, allAuthenticatedUsers, principal://…, principalSet://… or deleted:…`);
    }
    if (condition === undefined)
        return { role, members };
    if (typeof condition !== 'object' || condition === null)
        throw new IamPolicyError(`${where}: \`condition\` must be an object`);
    const { title, expression } = condition;
    if (typeof expression !== 'string')
        throw new IamPolicyError(`${where}: \`condition.expression\` must be a string`);
    return {
        role,
        members,
        condition: { title: typeof title === 'string' ? title : '(untitled)', expression },
    };
}

;// CONCATENATED MODULE: ./lib/providers/gcp/facts.js


function prepareGcpFacts(config) {
    const input = config.input.facts?.gcp ?? {};
    const projects = new Map();
    const projectsByNumber = new Map();
    for (const project of input.projects ?? []) {
        const facts = {
            id: project.id,
            gcrBackend: project.gcrBackend ?? 'artifact-registry',
            ...(project.number === undefined ? {} : { number: project.number }),
            ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
            ...(project.unreadable === undefined ? {} : { unreadable: project.unreadable }),
        };
        projects.set(project.id, facts);
        if (project.number !== undefined)
            projectsByNumber.set(project.number, facts);
    }
    const policies = new Map();
    const unreadable = new Map();
    for (const [i, entry] of (input.iamPolicies ?? []).entries()) {
        if (entry.unreadable !== undefined) {
            unreadable.set(entry.resource, entry.unreadable);
            continue;
        }
        if (!entry.policy) {
            throw new errors/* ConfigError */.xL({
                where: config.locate(['facts', 'gcp', 'iamPolicies', i]),
                message: `facts.gcp.iamPolicies[${i}] needs \`policy\` (or \`unreadable\`, as live reads write it)`,
            });
        }
        try {
            policies.set(entry.resource, parseIamPolicy(entry.policy.value));
        }
        catch (error) {
            if (error instanceof IamPolicyError)
                throw entry.policy.error(`invalid IAM policy: ${error.message}`);
            throw error;
        }
    }
    const customRoles = new Map((input.roles ?? []).map((role) => [role.name, new Set(role.includedPermissions)]));
    const groups = new Map((input.groups ?? []).map((group) => [group.email.toLowerCase(), group.members]));
    const clusters = new Map((input.clusters ?? []).map((cluster) => [
        `${cluster.project}/${cluster.location}/${cluster.name}`,
        {
            nodePools: cluster.nodePools,
            ...(cluster.unreadable === undefined ? {} : { unreadable: cluster.unreadable }),
        },
    ]));
    return { projects, projectsByNumber, policies, unreadable, customRoles, groups, clusters };
}

// EXTERNAL MODULE: ./lib/providers/gcp/index.js + 2 modules
var gcp = __webpack_require__(36951);
;// CONCATENATED MODULE: ./lib/providers/gcp/fixes.js
function bindingFix(resource, email) {
    const member = `serviceAccount:${email}`;
    if (resource.kind === 'bucket') {
        const role = 'roles/storage.objectViewer';
        return {
            side: 'binding',
            permissions: [resource.permission],
            fix: {
                text: `Grant ${member} ${role} on the Container Registry bucket gs://${resource.bucket} (project ${resource.project} still uses legacy Container Registry storage).`,
                snippets: {
                    cli: `gcloud storage buckets add-iam-policy-binding gs://${resource.bucket} --member=${member} --role=${role}`,
                    terraform: [
                        `resource "google_storage_bucket_iam_member" "${tfName(email)}_pull" {`,
                        `  bucket = "${resource.bucket}"`,
                        `  role   = "${role}"`,
                        `  member = "${member}"`,
                        `}`,
                    ].join('\n'),
                },
            },
        };
    }
    const role = 'roles/artifactregistry.reader';
    return {
        side: 'binding',
        permissions: [resource.permission],
        fix: {
            text: `Grant ${member} ${role} on the Artifact Registry repository ${resource.repository} (${resource.location}, project ${resource.project}).`,
            snippets: {
                cli: `gcloud artifacts repositories add-iam-policy-binding ${resource.repository} --location=${resource.location} --project=${resource.project} --member=${member} --role=${role}`,
                terraform: [
                    `resource "google_artifact_registry_repository_iam_member" "${tfName(email)}_pull" {`,
                    `  project    = "${resource.project}"`,
                    `  location   = "${resource.location}"`,
                    `  repository = "${resource.repository}"`,
                    `  role       = "${role}"`,
                    `  member     = "${member}"`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function scopeFix(cluster, email) {
    const scope = 'https://www.googleapis.com/auth/cloud-platform';
    const where = [
        `--cluster=${cluster.cluster ?? 'CLUSTER'}`,
        `--location=${cluster.location ?? 'LOCATION'}`,
        `--project=${cluster.project ?? 'PROJECT'}`,
    ].join(' ');
    return {
        side: 'scope',
        permissions: ['https://www.googleapis.com/auth/devstorage.read_only'],
        fix: {
            text: `The node pool's access scopes do not allow storage reads, and scopes cannot be changed on an existing node pool:` +
                ` create a new node pool for ${email} with the cloud-platform scope (access then follows IAM alone) or at least devstorage.read_only,` +
                ` move the workloads to it, and delete the old pool.`,
            snippets: {
                cli: `gcloud container node-pools create pool-with-pull-scope ${where} --service-account=${email} --scopes=${scope}`,
                terraform: [
                    `resource "google_container_node_pool" "with_pull_scope" {`,
                    `  name     = "pool-with-pull-scope"`,
                    `  cluster  = "${cluster.cluster ?? 'CLUSTER'}"`,
                    `  location = "${cluster.location ?? 'LOCATION'}"`,
                    `  node_config {`,
                    `    service_account = "${email}"`,
                    `    oauth_scopes    = ["${scope}"]`,
                    `  }`,
                    `}`,
                ].join('\n'),
            },
        },
    };
}
function tfName(email) {
    return email.slice(0, email.indexOf('@')).replace(/[^A-Za-z0-9]+/g, '_');
}

;// CONCATENATED MODULE: ./lib/providers/gcp/members.js
const YES = { result: 'yes' };
const NO = { result: 'no' };
const CONVENIENCE_ROLES = {
    projectViewer: 'roles/viewer',
    projectEditor: 'roles/editor',
    projectOwner: 'roles/owner',
};
/** `member` includes the service account `email`? */
function memberIncludes(member, email, facts, seenGroups = new Set()) {
    if (member === 'allUsers' || member === 'allAuthenticatedUsers')
        return YES; // a service account is authenticated
    const colon = member.indexOf(':');
    const kind = member.slice(0, colon);
    const value = member.slice(colon + 1);
    switch (kind) {
        case 'serviceAccount':
            // Emails compare case-insensitively; `?uid=` suffixes only appear on deleted members.
            return value.toLowerCase() === email.toLowerCase() ? YES : NO;
        case 'group':
        case 'domain':
            // Whether a service account counts in a domain: member is not documented; like a group's members,
            // it is decided only from facts.gcp.groups (an entry whose email is the domain name).
            return groupIncludes(value.toLowerCase(), email, facts, seenGroups, kind);
        case 'projectViewer':
        case 'projectEditor':
        case 'projectOwner':
            return facts.holdsBasicRole(value, CONVENIENCE_ROLES[kind], email);
        case 'principalSet':
            return principalSetIncludes(member, email, facts);
        // user: names a person's Google account; principal:// one federated identity or Kubernetes service
        // account; deleted: members never match.
        default:
            return NO;
    }
}
function groupIncludes(group, email, facts, seen, kind) {
    if (seen.has(group))
        return NO; // a cycle adds nobody
    const members = facts.groupMembers(group);
    if (!members) {
        const how = kind === 'group'
            ? ` (gcloud identity groups memberships list --group-email=${group})`
            : ` (an entry with email: ${group})`;
        return {
            result: 'unknown',
            missingFact: `the members of ${kind}:${group} are not known: list them in facts.gcp.groups${how}`,
        };
    }
    seen.add(group);
    let unknown;
    for (const member of members) {
        const included = memberIncludes(member, email, facts, seen);
        if (included.result === 'yes')
            return YES;
        if (included.result === 'unknown')
            unknown ??= included;
    }
    return unknown ?? NO;
}
// "All service accounts in a project, folder or organization" (IAM docs, principal identifiers):
// principalSet://cloudresourcemanager.googleapis.com/{projects/NUMBER|folders/ID|organizations/ID}/type/ServiceAccount
const SERVICE_ACCOUNT_SET = /^principalSet:\/\/cloudresourcemanager\.googleapis\.com\/((?:projects|folders|organizations)\/[^/]+)\/type\/ServiceAccount$/;
function principalSetIncludes(member, email, facts) {
    const container = SERVICE_ACCOUNT_SET.exec(member)?.[1];
    if (!container)
        return NO; // workload identity pools and workforce pools hold no service accounts
    const project = facts.serviceAccountProject(email);
    if (container.startsWith('projects/')) {
        if (project?.number === undefined) {
            return {
                result: 'unknown',
                missingFact: `${member} needs the project number of ${email}'s project: give it in facts.gcp.projects`,
            };
        }
        return container === `projects/${project.number}` ? YES : NO;
    }
    if (project?.ancestors === undefined) {
        return {
            result: 'unknown',
            missingFact: `${member} needs the ancestors of ${email}'s project: give them in facts.gcp.projects[].ancestors`,
        };
    }
    return project.ancestors.includes(container) ? YES : NO;
}

// EXTERNAL MODULE: ./lib/providers/gcp/resources.js
var resources = __webpack_require__(41666);
;// CONCATENATED MODULE: ./lib/providers/gcp/iam-grant.js



function evaluateIamGrant(resource, email, facts) {
    const { levels, assumed, ancestryUnknown } = policyLevels(resource, facts);
    const membership = membershipFacts(facts);
    const grantedBy = [];
    const unknownBecause = [];
    for (const level of levels) {
        const policy = facts.policies.get(level.resource);
        const unreadable = facts.unreadable.get(level.resource);
        if (!policy && unreadable !== undefined) {
            unknownBecause.push(`the IAM policy of ${level.resource} could not be read: ${unreadable}`);
            continue;
        }
        if (!policy) {
            if (level.required) {
                unknownBecause.push(`the IAM policy of ${level.resource} is not in facts.gcp.iamPolicies: add it (${getIamPolicyCommand(level.resource)})`);
            }
            else {
                assumed.push(`no IAM policy is given for ${level.resource}: taken as absent`);
            }
            continue;
        }
        for (const binding of policy.bindings) {
            const permissions = rolePermissions(binding.role, facts.customRoles);
            const mayGrant = !('permissions' in permissions) || grantsPull(binding.role, permissions.permissions, resource);
            if (!mayGrant)
                continue;
            const included = includes(binding.members, email, membership);
            if (included.membership.result === 'no')
                continue;
            const where = `${binding.role} on ${level.resource}`;
            if ('unknown' in permissions) {
                unknownBecause.push(`${where}: ${permissions.unknown}`);
            }
            else if (included.membership.result === 'unknown') {
                unknownBecause.push(`${where}: ${included.membership.missingFact ?? 'membership unknown'}`);
            }
            else if (binding.condition) {
                unknownBecause.push(`${where} has the condition "${binding.condition.title}" (${binding.condition.expression}), which pullcheck does not evaluate`);
            }
            else {
                grantedBy.push(`${where} (member ${included.member})`);
            }
        }
    }
    if (ancestryUnknown !== undefined)
        unknownBecause.push(ancestryUnknown);
    const result = grantedBy.length > 0 ? 'yes' : unknownBecause.length > 0 ? 'unknown' : 'no';
    return { result, grantedBy, unknownBecause, assumed };
}
/** The policies that can grant the pull: the resource's, its project's, then folders and organization. */
function policyLevels(resource, facts) {
    const project = facts.projects.get(resource.project);
    const assumed = [];
    const levels = [
        { resource: resource.name, required: true },
        { resource: `projects/${resource.project}`, required: true },
    ];
    // Folders and the organization could not be read: a grant there cannot be ruled out.
    const ancestryUnknown = !project?.ancestors && project?.unreadable !== undefined
        ? `the folders and organization above project ${resource.project} could not be read (${project.unreadable}), so a grant there cannot be ruled out`
        : undefined;
    if (project?.ancestors) {
        levels.push(...project.ancestors.map((ancestor) => ({ resource: ancestor, required: false })));
    }
    else if (ancestryUnknown === undefined) {
        assumed.push(`the folders and organization above project ${resource.project} are not given (facts.gcp.projects[].ancestors): their policies are taken as absent`);
    }
    return { levels, assumed, ancestryUnknown };
}
/** The role carries the pull permission, or is documented to pull from a Container Registry bucket. */
function grantsPull(role, permissions, resource) {
    if (permissions.has(resource.permission))
        return true;
    return resource.kind === 'bucket' && resources/* REGISTRY_BUCKET_PULL_ROLES */.XC.has(role);
}
function includes(members, email, facts) {
    let undecided;
    for (const member of members) {
        const membership = memberIncludes(member, email, facts);
        if (membership.result === 'yes')
            return { membership, member };
        if (membership.result === 'unknown')
            undecided ??= membership;
    }
    return { membership: undecided ?? { result: 'no' } };
}
/** The lookups members need, answered from the facts. */
function membershipFacts(facts) {
    const self = {
        groupMembers: (email) => facts.groups.get(email),
        serviceAccountProject: (email) => {
            const project = serviceAccountProject(email, facts);
            if (!project)
                return undefined;
            return {
                ...(project.number === undefined ? {} : { number: project.number }),
                ...(project.ancestors === undefined ? {} : { ancestors: project.ancestors }),
            };
        },
        holdsBasicRole: (projectId, role, email) => {
            const policy = facts.policies.get(`projects/${projectId}`);
            if (!policy) {
                return {
                    result: 'unknown',
                    missingFact: `the IAM policy of projects/${projectId} is not in facts.gcp.iamPolicies (it decides who is ${role} there)`,
                };
            }
            // The role may be held on the project or inherited from its folders and organization, when given.
            const ancestors = facts.projects.get(projectId)?.ancestors ?? [];
            const policies = [policy, ...ancestors.flatMap((ancestor) => facts.policies.get(ancestor) ?? [])];
            const holders = policies.flatMap((p) => p.bindings).filter((binding) => binding.role === role);
            // Convenience members name holders of exactly this basic role; no further convenience recursion.
            const members = (conditional) => holders
                .filter((binding) => Boolean(binding.condition) === conditional)
                .flatMap((binding) => binding.members)
                .filter((member) => !member.startsWith('project'));
            const direct = includes(members(false), email, self).membership;
            if (direct.result === 'yes')
                return direct;
            if (includes(members(true), email, self).membership.result !== 'no') {
                return {
                    result: 'unknown',
                    missingFact: `${role} on projects/${projectId} is held under a condition pullcheck does not evaluate`,
                };
            }
            return direct;
        },
    };
    return self;
}
/** The project of a service account, from its email (user-managed, default compute, App Engine). */
function serviceAccountProject(email, facts) {
    const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
    const local = email.slice(0, email.indexOf('@'));
    const userManaged = /^([a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(domain)?.[1];
    if (userManaged)
        return facts.projects.get(userManaged) ?? { id: userManaged };
    const appEngine = /^([a-z0-9-]+)@appspot\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
    if (appEngine)
        return facts.projects.get(appEngine) ?? { id: appEngine };
    const compute = /^(\d+)-compute@developer\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
    if (compute)
        return facts.projectsByNumber.get(compute) ?? { number: compute };
    return undefined;
}
function getIamPolicyCommand(resource) {
    const repository = /^projects\/([^/]+)\/locations\/([^/]+)\/repositories\/(.+)$/.exec(resource);
    if (repository) {
        return `gcloud artifacts repositories get-iam-policy ${repository[3]} --location=${repository[2]} --project=${repository[1]} --format=json`;
    }
    if (resource.startsWith('buckets/')) {
        return `gcloud storage buckets get-iam-policy gs://${resource.slice('buckets/'.length)} --format=json`;
    }
    const [kind, id] = resource.split('/');
    const command = kind === 'projects' ? 'projects' : kind === 'folders' ? 'resource-manager folders' : 'organizations';
    return `gcloud ${command} get-iam-policy ${id} --format=json`;
}

;// CONCATENATED MODULE: ./lib/providers/gcp/scopes.js
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';
/** Scopes that allow image pulls, by their short names. */
const PULL_SCOPES = [
    'devstorage.read_only',
    'devstorage.read_write',
    'devstorage.full_control',
    'cloud-platform',
];
// gcloud --scopes aliases (gcloud container node-pools create --help); gke-default includes devstorage.read_only.
// `default` is gcloud's Compute Engine default set ("*default* scopes are assigned to all instances"), which
// gcloud also accepts for node pools; it includes devstorage.read_only.
const ALIASES = {
    'storage-ro': ['devstorage.read_only'],
    'storage-rw': ['devstorage.read_write'],
    'storage-full': ['devstorage.full_control'],
    default: [
        'devstorage.read_only',
        'logging.write',
        'monitoring.write',
        'pubsub',
        'service.management.readonly',
        'servicecontrol',
        'trace.append',
    ],
    'gke-default': [
        'devstorage.read_only',
        'logging.write',
        'monitoring',
        'service.management.readonly',
        'servicecontrol',
        'trace.append',
    ],
};
/** Short names of the scopes as written (full URL, short form or gcloud alias). */
function normalizeScopes(scopes) {
    return scopes.flatMap((scope) => {
        const short = scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;
        return ALIASES[short] ?? [short];
    });
}
/** Whether a node pool with these scopes may pull; undefined scopes are not known. */
function scopesAllowPull(scopes) {
    if (scopes === undefined)
        return 'unknown';
    return normalizeScopes(scopes).some((scope) => PULL_SCOPES.includes(scope)) ? 'yes' : 'no';
}

;// CONCATENATED MODULE: ./lib/providers/gcp/pull-rule.js




function evaluateGooglePull(registry, email, facts, gkeNodes) {
    const resource = (0,resources/* pullResource */._L)(registry, facts);
    const grant = evaluateIamGrant(resource, email, facts);
    const scope = gkeNodes ? scopesAllowPull(gkeNodes.scopes) : 'yes';
    const reasons = [
        resource.kind === 'bucket'
            ? `legacy Container Registry (gcrBackend: storage): ${resource.permission} on gs://${resource.bucket}`
            : `${resource.permission} on ${resource.name}`,
    ];
    if (grant.result === 'yes')
        reasons.push(`granted by ${grant.grantedBy.join('; ')}`);
    if (grant.result === 'no') {
        reasons.push(`no binding on the repository, its project or their ancestors grants it to serviceAccount:${email}`);
    }
    if (gkeNodes)
        reasons.push(scopeReason(scope));
    reasons.push(...grant.assumed);
    const missing = [];
    if (grant.result === 'no')
        missing.push(bindingFix(resource, email));
    if (scope === 'no' && gkeNodes)
        missing.push(scopeFix(gkeNodes.cluster, email));
    if (missing.length > 0) {
        const undecided = grant.result === 'unknown' ? [`the IAM side is undecided too: ${grant.unknownBecause.join('; ')}`] : [];
        return { verdict: 'denied', reasons: [...reasons, ...undecided], missing };
    }
    const unknownBecause = grant.result === 'unknown' ? [...grant.unknownBecause] : [];
    if (scope === 'unknown') {
        unknownBecause.push(`the node pool's access scopes for ${email} are not given: add serviceAccounts[].scopes to the gke target (gcloud container node-pools describe … --format='value(config.oauthScopes)')`);
    }
    if (unknownBecause.length > 0) {
        return {
            verdict: 'unknown',
            reasons: [...reasons, ...unknownBecause.map((why) => `unknown: ${why}`)],
            missing: [],
        };
    }
    return { verdict: 'allowed', reasons, missing: [] };
}
function scopeReason(scope) {
    if (scope === 'yes')
        return 'the node pool has a storage read scope';
    if (scope === 'no')
        return 'the node pool has no storage read scope (devstorage.read_only, read_write, full_control or cloud-platform)';
    return "the node pool's access scopes are not given";
}

// EXTERNAL MODULE: ./lib/providers/gcp/registry.js
var gcp_registry = __webpack_require__(73280);
;// CONCATENATED MODULE: ./lib/providers/gcp/rules.js





const GOOGLE_IDENTITY_PLATFORMS = new Set(['gke', 'gcp-service-account', 'k3s']);
/** The Google rules over one config's facts (loaded by the definition in ./index.ts). */
function buildRules(config) {
    const facts = prepareGcpFacts(config);
    return {
        principals: (target) => googlePrincipals(target, facts),
        decide: (question) => decideGooglePull(question, facts),
    };
}
function googlePrincipals(target, facts) {
    if (target.platform === 'gcp-service-account') {
        return target.serviceAccounts.map((account) => ({ principal: `${gcp/* SERVICE_ACCOUNT */.S}${account.email}` }));
    }
    if (target.platform !== 'gke')
        return [];
    if (target.serviceAccounts && target.serviceAccounts.length > 0) {
        return target.serviceAccounts.map((account) => ({ principal: `${gcp/* SERVICE_ACCOUNT */.S}${account.email}` }));
    }
    // Node pools read live name their service accounts and scopes.
    const pools = nodePoolsOf(target, facts);
    if (pools.length > 0) {
        return [...new Set(pools.map((pool) => pool.serviceAccount))].map((email) => ({
            principal: `${gcp/* SERVICE_ACCOUNT */.S}${email}`,
        }));
    }
    // Without serviceAccounts, GKE nodes run as the Compute Engine default service account.
    const project = target.project === undefined ? undefined : facts.projects.get(target.project);
    const number = project?.number;
    if (number === undefined) {
        return [
            {
                principal: `gke:${target.name}`,
                unnamed: {
                    verdict: 'unknown',
                    reasons: [
                        `the node service account of ${target.name} is not known: list serviceAccounts (email and scopes) on the target,` +
                            ` or give the project number of ${target.project ?? 'its project (and set `project`)'} in facts.gcp.projects` +
                            ` (the default node identity is PROJECT_NUMBER-compute@developer.gserviceaccount.com)` +
                            (project?.unreadable ? `; live reads could not read it: ${project.unreadable}` : ''),
                    ],
                    missing: [],
                },
            },
        ];
    }
    return [
        {
            principal: `${gcp/* SERVICE_ACCOUNT */.S}${number}-compute@developer.gserviceaccount.com`,
            reasons: [
                `no serviceAccounts listed: the nodes run as the Compute Engine default service account of project ${target.project}`,
            ],
        },
    ];
}
function decideGooglePull(question, facts) {
    const registry = (0,gcp_registry/* googleLocationOf */.MF)(question.image);
    const { target, principal } = question;
    if (!registry)
        return undefined;
    if (!GOOGLE_IDENTITY_PLATFORMS.has(target.platform) || !principal.startsWith(gcp/* SERVICE_ACCOUNT */.S))
        return undefined;
    const email = principal.slice(gcp/* SERVICE_ACCOUNT */.S.length);
    if (target.platform !== 'gke')
        return evaluateGooglePull(registry, email, facts);
    // A service account's scopes: as listed on the target, else those of the live node pools that run as it;
    // any of those pools may run the pod, so one without a storage scope decides.
    const pools = nodePoolsOf(target, facts).filter((pool) => pool.serviceAccount === email);
    const scopes = target.serviceAccounts?.find((account) => account.email === email)?.scopes ??
        (pools.find((pool) => scopesAllowPull(pool.scopes) !== 'yes') ?? pools[0])?.scopes;
    const cluster = {
        ...(target.project === undefined ? {} : { project: target.project }),
        ...(target.location === undefined ? {} : { location: target.location }),
        ...(target.cluster === undefined ? {} : { cluster: target.cluster }),
    };
    return evaluateGooglePull(registry, email, facts, { scopes, cluster });
}
function nodePoolsOf(target, facts) {
    if (target.platform !== 'gke' || !target.project || !target.location || !target.cluster)
        return [];
    return facts.clusters.get(`${target.project}/${target.location}/${target.cluster}`)?.nodePools ?? [];
}


/***/ })

};
