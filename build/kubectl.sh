#!/usr/bin/env bash
# Prints the path of a kubectl that can render the Kustomize manifests in deploy/k8s
# (`kubectl kustomize`), installing one when none is found.
#
#   build/kubectl.sh            print the path on stdout; progress and errors go to stderr
#
# Order: $KUBECTL when set, then `kubectl` on PATH, then Debian's kubernetes-client package
# (installed with apt-get when running as root). Debian bookworm ships kubectl 1.20, whose
# built-in kustomize is v2.0.3: deploy/k8s is written to render with it as well as with current
# kustomize. Exits non-zero, saying what to do, when no kubectl can be found or installed.
set -euo pipefail

log() { printf 'kubectl.sh: %s\n' "$*" >&2; }
die() { printf 'kubectl.sh: error: %s\n' "$*" >&2; exit 1; }

# True when $1 is an executable kubectl with the kustomize subcommand (kubectl 1.14 or later).
can_kustomize() {
  [[ -n "$1" && -x "$1" ]] && "$1" kustomize --help >/dev/null 2>&1
}

if [[ -n "${KUBECTL:-}" ]]; then
  can_kustomize "$KUBECTL" || die "KUBECTL=$KUBECTL is not a kubectl with the kustomize subcommand (kubectl 1.14 or later)"
  printf '%s\n' "$KUBECTL"
  exit 0
fi

found="$(command -v kubectl || true)"
if can_kustomize "$found"; then
  printf '%s\n' "$found"
  exit 0
fi
if [[ -n "$found" ]]; then
  log "$found has no kustomize subcommand (kubectl 1.14 or later needed); installing Debian's kubectl"
fi

if [[ "$(id -u)" != 0 ]]; then
  die "no kubectl found. Install one (Debian/Ubuntu: sudo apt-get install kubernetes-client; or https://kubernetes.io/docs/tasks/tools/), run this script as root to install it, or set KUBECTL to its path."
fi
command -v apt-get >/dev/null 2>&1 || die "no kubectl found and no apt-get to install one; install kubectl 1.14 or later, or set KUBECTL to its path."

log "installing kubernetes-client with apt-get"
# A fresh machine may have no package lists yet: update only when the first try fails.
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends kubernetes-client >&2; then
  apt-get update >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends kubernetes-client >&2 \
    || die "apt-get install kubernetes-client failed"
fi

# Debian installs /usr/bin/kubectl; ask PATH again in case it resolves elsewhere.
hash -r
for candidate in "$(command -v kubectl || true)" /usr/bin/kubectl; do
  if can_kustomize "$candidate"; then
    printf '%s\n' "$candidate"
    exit 0
  fi
done
die "kubernetes-client was installed but no working kubectl was found on PATH or at /usr/bin/kubectl"
