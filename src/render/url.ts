// Every internal link goes through here so the site works under a sub-path (Astro `base`).
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `href('reports/x/')` → `/nianbao/reports/x/` when base is `/nianbao/`. */
export const href = (path = '') => BASE + path.replace(/^\//, '');

export const reportUrl = (id: string) => href(`reports/${id}/`);
export const agencyUrl = (id: string) => href(`agencies/${id}/`);
export const yearUrl = (year: number) => href(`years/${year}/`);
/** A file the data stage wrote into generated/downloads, served under /data/. */
export const dataUrl = (file: string) => href(`data/${file}`);
/** A region's page (`none`: 未定地区), and its page `n` of agencies. */
export const regionUrl = (code: string, page = 1) => href(`regions/${code}/${page > 1 ? `${page}/` : ''}`);
