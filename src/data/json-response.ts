/** A JSON file written by an endpoint (the compare files, the rows of long tables). */
export const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
