/**
 * `BackendFromFrontend`, `backend_from_frontend`, `HTTPServer` -> `backend-from-frontend`,
 * `http-server`: lower case, words joined by `-`, no `-` or `.` at either end. Dots are kept
 * (a policy name is a DNS subdomain); give `dots: false` for a DNS label.
 */
export function kebabCase(text: string, dots: boolean = true): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(dots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}
