// What `pullcheck init` learned about a repository: plain data, repository-relative paths, so the files it
// writes and the plan it prints are pure functions of it (scan.ts is the only part that reads files).

/** A place in the repository: a repository-relative path, its line, and what wrote the value there. */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly via?: string;
}

export interface FoundImage {
  readonly reference: string;
  readonly from: Place;
}

export interface FoundTarget {
  readonly name: string;
  readonly platform: string;
  /** cluster, region, account, project, location, namespace, server: whichever the target states. */
  readonly details: Readonly<Record<string, string>>;
  readonly images: readonly string[];
  readonly from: Place;
}

/** A login step of the repository's workflows (configure-aws-credentials, google auth, oc-login). */
export interface FoundLogin {
  readonly provider: string;
  readonly via: string;
  readonly from: Place;
}

export interface FoundFinding {
  readonly kind: string;
  readonly message: string;
  readonly from: Place;
}

/** A folder of Kubernetes manifests: a Kustomize root, a Helm chart, or plain YAML. */
export interface ManifestFolder {
  readonly path: string;
  readonly kind: 'kustomize' | 'helm' | 'plain';
  /** The target a workflow applies it to, when one does. */
  readonly appliedTo?: string;
}

export interface RepositoryScan {
  /** The workflow files read, repository-relative. */
  readonly workflows: readonly string[];
  readonly images: readonly FoundImage[];
  readonly targets: readonly FoundTarget[];
  readonly logins: readonly FoundLogin[];
  readonly findings: readonly FoundFinding[];
  readonly manifests: readonly ManifestFolder[];
  /** `owner/name` from the checkout's GitHub remote, when it has one. */
  readonly repository?: string;
  /** Whether a workflow uses `github.repository` (or GITHUB_REPOSITORY). */
  readonly usesRepositoryName: boolean;
  /** The branch pushes to which the generated workflow checks. */
  readonly defaultBranch: string;
}

/** Where the generated files go, repository-relative. */
export interface InitPaths {
  readonly config: string;
  readonly workflow: string;
}
