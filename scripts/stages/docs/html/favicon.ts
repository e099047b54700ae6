/** The site icon (favicon.svg): a small API bracket mark, same file for every spec. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M11 8c-3 0-4 2-4 4v2c0 1-1 2-2 2 1 0 2 1 2 2v2c0 2 1 4 4 4M21 8c3 0 4 2 4 4v2c0 1 1 2 2 2-1 0-2 1-2 2v2c0 2-1 4-4 4" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/><circle cx="16" cy="16" r="2.5" fill="#fff"/></svg>
`;
