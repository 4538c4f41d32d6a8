// Regions are written province first ("江苏省淮安市洪泽区": scripts/data/agency-identity.ts).

/** The province of a region ("江苏省", "北京市", "新疆维吾尔自治区"), or null when the region is not known. */
export const provinceOf = (region: string | null): string | null => (region ? (/^.+?(?:特别行政区|自治区|省|市)/u.exec(region)?.[0] ?? null) : null);
