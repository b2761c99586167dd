#!/usr/bin/env bash
# NetworkPolicy review for a pull request: lint the new manifests, diff what they allow against
# the base branch's, and draw the new reachability graph, into one Markdown comment.
#
#   examples/ci/netpol-review.sh BASE_DIST PR_DIST [COMMENT_FILE] [SARIF_FILE]
#
# BASE_DIST / PR_DIST: the synthesized manifests (files or directories) of the base branch and
# of the pull request. Writes COMMENT_FILE (default netpol-comment.md) and SARIF_FILE (default
# netpol.sarif, for code-scanning annotations). Exit status: 1 when lint finds errors (the
# comment is written anyway), 2 on unreadable input, 0 otherwise.
#
# NETPOL overrides how the CLI is started (default: npx --no-install cdk8s-netpol).
set -uo pipefail

base=${1:?usage: netpol-review.sh BASE_DIST PR_DIST [COMMENT_FILE] [SARIF_FILE]}
pr=${2:?usage: netpol-review.sh BASE_DIST PR_DIST [COMMENT_FILE] [SARIF_FILE]}
comment=${3:-netpol-comment.md}
sarif=${4:-netpol.sarif}
read -r -a netpol <<< "${NETPOL:-npx --no-install cdk8s-netpol}"

# machine-readable findings for the code-scanning upload
"${netpol[@]}" lint "$pr" --format sarif --output "$sarif" --no-color
lint_status=$?
if [ "$lint_status" -ge 2 ]; then exit "$lint_status"; fi

diff_md=$("${netpol[@]}" diff "$base" "$pr" --format md --no-color) || exit 2
graph=$("${netpol[@]}" report "$pr" --format mermaid --no-color) || exit 2
findings=$("${netpol[@]}" lint "$pr" --format text --no-color)

{
  echo '<!-- cdk8s-netpol-review -->'
  echo '## NetworkPolicy review'
  echo
  echo "$diff_md"
  echo
  echo '### Lint'
  echo
  echo '```'
  echo "$findings"
  echo '```'
  echo
  echo '<details><summary>Reachability after this pull request</summary>'
  echo
  echo '```mermaid'
  echo "$graph"
  echo '```'
  echo
  echo '</details>'
} > "$comment"

echo "wrote $comment and $sarif" >&2
exit "$lint_status"
