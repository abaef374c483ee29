import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A browser-like client for app.inject: keeps cookies and sends the page's CSRF token with each form. */
export class WebClient {
  private readonly cookies = new Map<string, string>();
  private csrf = "";

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader } }),
    );
  }

  /** Posts a form as a browser would, with the CSRF token of the last page fetched (unless one is given). */
  async post(
    url: string,
    fields: Record<string, string | number>,
    options: { csrf?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: options.csrf ?? this.csrf });
    for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: { cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      }),
    );
  }

  /** Posts a form with a file, with the CSRF token of the last page fetched. */
  async postFile(
    url: string,
    fields: Record<string, string>,
    file?: { field: string; name: string; content: Buffer; type?: string },
  ): Promise<LightMyRequestResponse> {
    const { payload, contentType } = await multipartBody({ _csrf: this.csrf, ...fields }, file);
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: { cookie: this.cookieHeader, "content-type": contentType },
        payload,
      }),
    );
  }

  /**
   * Posts a multipart form as a browser would: fields with several values (ticked checkboxes) and several
   * files, with the CSRF token of the last page fetched.
   */
  async postForm(
    url: string,
    fields: Record<string, string | string[]>,
    files: { field: string; name: string; content: Buffer; type?: string }[] = [],
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append("_csrf", this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
    for (const f of files) {
      form.append(f.field, new Blob([f.content], { type: f.type ?? "application/octet-stream" }), f.name);
    }
    const encoded = new Response(form);
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: { cookie: this.cookieHeader, "content-type": encoded.headers.get("content-type") ?? "" },
        payload: Buffer.from(await encoded.arrayBuffer()),
      }),
    );
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get("/sign-in");
    return this.post("/sign-in", { email, password, next: "/caseload" });
  }
}

/** A multipart/form-data body (a form with a file), encoded as a browser would send it. */
export async function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; name: string; content: Buffer; type?: string },
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file)
    form.set(
      file.field,
      new Blob([file.content], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get("content-type") ?? "",
  };
}
