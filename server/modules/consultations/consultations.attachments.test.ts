import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { auditActions, organization, submit } from "./consultations.testing.ts";

const env = setupTestEnv();
let association: Client;
let neighbour: Client;
let casablanca: Client;
let rabat: Client;
let proposalId: string;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A multipart/form-data body with one `file` part, as a browser sends it. */
function attach(client: Client, id: string, fileName: string, mediaType: string, content: Buffer) {
  const boundary = `----jisr${randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request("POST", `/api/v1/proposals/${id}/attachments`, payload, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}

beforeAll(async () => {
  const admin = await env.userWith("administrator", "national");
  const orgA = await organization(admin, "Association Pièces", "MA-06");
  const orgB = await organization(admin, "Voisine Pièces", "MA-06");
  association = await env.userWith("establishment_manager", "organization", orgA.id);
  neighbour = await env.userWith("partner", "organization", orgB.id);
  casablanca = await env.userWith("regional_officer", "region", "MA-06");
  rabat = await env.userWith("regional_officer", "region", "MA-04");
  proposalId = (await submit(association)).id;
});

describe("attachments", () => {
  it("the author attaches a document; readers in scope download it; the upload is audited", async () => {
    const res = await attach(
      association,
      proposalId,
      "Étude de faisabilité دراسة.pdf",
      "application/pdf",
      PDF,
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      fileName: "Étude de faisabilité دراسة.pdf",
      mediaType: "application/pdf",
      sizeBytes: PDF.length,
    });
    const detail = (await neighbour.get(`/api/v1/proposals/${proposalId}`)).json();
    expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);
    expect(detail.can.canAttach).toBe(false);
    const download = await neighbour.get(`/api/v1/proposals/${proposalId}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await rabat.get(`/api/v1/proposals/${proposalId}/attachments/${file.id}`)).statusCode).toBe(404);
    expect(await auditActions(env, proposalId)).toEqual(["proposal.submit", "proposal.attach"]);
  });

  it("other organisations cannot attach; reviewers can; bad files are refused and nothing is stored", async () => {
    const before = (await env.pool.query("select count(*)::int n from stored_files")).rows[0].n;
    const foreign = await attach(neighbour, proposalId, "x.pdf", "application/pdf", PDF);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe("proposals.attach_forbidden");
    const exe = await attach(
      association,
      proposalId,
      "outil.exe",
      "application/x-msdownload",
      Buffer.from("MZ"),
    );
    expect(exe.statusCode).toBe(415);
    const fake = await attach(association, proposalId, "faux.pdf", "application/pdf", Buffer.from("<html>"));
    expect(fake.statusCode).toBe(415);
    expect((await attach(rabat, proposalId, "x.pdf", "application/pdf", PDF)).statusCode).toBe(404);
    expect((await env.pool.query("select count(*)::int n from stored_files")).rows[0].n).toBe(before);
    const officer = await attach(casablanca, proposalId, "avis.pdf", "application/pdf", PDF);
    expect(officer.statusCode).toBe(201);
    const missing = await association.get(`/api/v1/proposals/${proposalId}/attachments/${proposalId}`);
    expect(missing.statusCode).toBe(404);
  });
});
