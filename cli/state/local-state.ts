import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  NoSuchKey,
} from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DecisionReport, ItemDecision } from '../../lambdas/dedupe/decision-reports.ts';
import { normalizeDocument } from '../../lambdas/normalize/document.ts';
import { type AwsClients, createAwsClients } from '../../lambdas/shared/clients.ts';
import type { NormalizedItem } from '../../lambdas/shared/envelope.ts';
import { REPORTS_PREFIX, SOURCE_URL_METADATA } from '../../lambdas/shared/keys.ts';
import type { DocumentManifest } from '../../lambdas/shared/reports.ts';
import type { TaggedItem, TagReport } from '../../lambdas/tag/evidence-reports.ts';
import { EMULATOR_CREDENTIALS, type Emulators, startEmulators } from '../../local/emulators.ts';
import { localResourceNames } from '../../local/provision.ts';

/** One item's decision with the arrival it belongs to, and its tags when it was published. */
export interface DecidedItem {
  readonly outlet: string;
  readonly documentId: string;
  readonly ingestionId: string;
  readonly receivedAt?: string;
  readonly decision: ItemDecision;
  readonly tagged?: TaggedItem;
}

/** Who first reported a body (the index's `exact#` record): the arrival and item that claimed it. */
export interface BodyClaim {
  readonly fingerprint: string;
  readonly uri: string;
  readonly storyId: string;
  readonly version: number;
  readonly ingestionId: string;
  readonly index: number;
}

/** Everything the state folder records, read once: local state is one outlet's or a test's, not AWS's. */
export interface StateSnapshot {
  readonly manifests: readonly DocumentManifest[];
  readonly items: readonly DecidedItem[];
  readonly claims: ReadonlyMap<string, BodyClaim>;
}

/** Pages read at most per listing: far beyond any local state, and a bound on a damaged one. */
const MAX_PAGES = 1000;
const EXACT = 'exact#';
const DECISIONS = 'decisions#';

export class StateNotFoundError extends Error {
  override readonly name = 'StateNotFoundError';
}

/**
 * A state folder (`syndicate run --state DIR`) read through the emulators and
 * SDK clients the pipeline wrote it with: normalize's manifests and the tag
 * stage's evidence in S3 (s3rver), dedupe's decisions and body claims in the
 * index table (dynalite). Item texts are not stored apart from the raw
 * archive: they are normalized again from the archived bytes, as normalize did.
 * The folder is locked by dynalite's LevelDB while open: not while a `run` or
 * `serve` holds it.
 */
export class LocalState {
  readonly #texts = new Map<string, Promise<Map<number, NormalizedItem>>>();

  private constructor(
    readonly stateDir: string,
    readonly emulators: Emulators,
    readonly clients: AwsClients,
    readonly bucket: string,
    readonly table: string,
  ) {}

  static async open(stateDir: string): Promise<LocalState> {
    if (!existsSync(join(stateDir, 'dynamodb')) || !existsSync(join(stateDir, 's3')))
      throw new StateNotFoundError(
        `${stateDir}: no pipeline state here (run \`syndicate run --state ${stateDir}\`)`,
      );
    const emulators = await startEmulators(stateDir);
    const clients = createAwsClients(
      { region: 'us-east-1', endpoints: emulators.endpoints },
      { credentials: EMULATOR_CREDENTIALS },
    );
    const { bucket, table } = localResourceNames();
    return new LocalState(stateDir, emulators, clients, bucket, table);
  }

  async snapshot(): Promise<StateSnapshot> {
    const [{ decisions, claims }, objects] = await Promise.all([this.#scanIndex(), this.#reportObjects()]);
    const manifests: DocumentManifest[] = [];
    const tags = new Map<string, TaggedItem>();
    for (const key of objects) {
      if (key.includes('/arrivals/')) {
        const manifest = await this.#json<DocumentManifest>(key);
        if (manifest) manifests.push(manifest);
      } else if (key.includes('/tags/')) {
        const report = await this.#json<TagReport>(key);
        for (const item of report?.items ?? []) tags.set(`${report?.ingestionId}#${item.index}`, item);
      }
    }
    const receivedAt = new Map(manifests.map((m) => [m.ingestionId, m.receivedAt]));
    const items = decisions.map(({ report, decision }) => {
      const tagged = tags.get(`${report.ingestionId}#${decision.index}`);
      const at = receivedAt.get(report.ingestionId);
      return {
        outlet: report.outlet,
        documentId: report.documentId,
        ingestionId: report.ingestionId,
        ...(at ? { receivedAt: at } : {}),
        decision,
        ...(tagged ? { tagged } : {}),
      };
    });
    items.sort(
      (a, b) =>
        (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') ||
        a.ingestionId.localeCompare(b.ingestionId) ||
        a.decision.index - b.decision.index,
    );
    manifests.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    return { manifests, items, claims };
  }

  /** The item as normalize made it from the archived bytes of that arrival; undefined when not archived. */
  async itemText(outlet: string, documentId: string, ingestionId: string, index: number) {
    const key = `${documentId}|${ingestionId}`;
    let texts = this.#texts.get(key);
    if (!texts) {
      texts = this.#normalize(outlet, documentId, ingestionId);
      this.#texts.set(key, texts);
    }
    return (await texts).get(index);
  }

  async #normalize(outlet: string, documentId: string, ingestionId: string) {
    const key = ingestionId.slice(0, ingestionId.lastIndexOf('@'));
    const items = new Map<number, NormalizedItem>();
    let object: GetObjectCommandOutput;
    try {
      object = await this.clients.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return items;
      throw error;
    }
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    const location = object.Metadata?.[SOURCE_URL_METADATA];
    const normalized = await normalizeDocument(
      {
        bytes,
        outlet,
        bucket: this.bucket,
        key,
        ingestionId,
        receivedAt: new Date(0).toISOString(),
        hints: {
          ...(object.ContentType ? { contentType: object.ContentType } : {}),
          ...(location ? { location } : {}),
        },
      },
      documentId,
    );
    for (const envelope of normalized.envelopes) items.set(envelope.index, envelope.item);
    return items;
  }

  async #scanIndex() {
    const doc = DynamoDBDocumentClient.from(this.clients.dynamodb);
    const decisions: Array<{ report: DecisionReport; decision: ItemDecision }> = [];
    const claims = new Map<string, BodyClaim>();
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await doc.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'begins_with(pk, :d) OR begins_with(pk, :e)',
          ExpressionAttributeValues: { ':d': DECISIONS, ':e': EXACT },
          ProjectionExpression: 'pk, sk, report, uri, storyId, version, claimant',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of result.Items ?? []) {
        const pk = String(item.pk);
        if (pk.startsWith(DECISIONS) && item.report instanceof Uint8Array) {
          const report = JSON.parse(gunzipSync(item.report).toString('utf8')) as DecisionReport;
          for (const decision of report.decisions) decisions.push({ report, decision });
        } else if (pk.startsWith(EXACT) && typeof item.claimant === 'string') {
          const at = item.claimant.lastIndexOf('#');
          const fingerprint = pk.slice(EXACT.length);
          claims.set(fingerprint, {
            fingerprint,
            uri: String(item.uri),
            storyId: String(item.storyId),
            version: Number(item.version),
            ingestionId: item.claimant.slice(0, at),
            index: Number(item.claimant.slice(at + 1)),
          });
        }
      }
      start = result.LastEvaluatedKey;
      if (!start) break;
    }
    // An item found in two reports of one arrival (a batch cut differently on redelivery) has one decision.
    const unique = new Map(decisions.map((d) => [`${d.report.ingestionId}#${d.decision.index}`, d]));
    return { decisions: [...unique.values()], claims };
  }

  async #reportObjects(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await this.clients.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: REPORTS_PREFIX,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of listed.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      if (!token) break;
    }
    return keys;
  }

  async #json<T>(key: string): Promise<T | undefined> {
    try {
      const object = await this.clients.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return JSON.parse((await object.Body?.transformToString('utf-8')) ?? 'null') as T;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    for (const client of Object.values(this.clients)) client.destroy();
    await this.emulators.stop();
  }
}
