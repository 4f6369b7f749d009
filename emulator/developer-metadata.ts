import { randomInt } from "node:crypto";
import { badRequest, notFound } from "./errors.ts";
import { applyMask, parseFieldMask } from "./field-mask.ts";
import { sheetById } from "./grid-range.ts";
import type { Json, Spreadsheet } from "./model.ts";
import type { Reply } from "./requests-sheets.ts";

/**
 * Developer metadata (Google's "Read, write, and search metadata" guide): key/value tags on the spreadsheet or on a
 * sheet, with a spreadsheet-scoped unique positive `metadataId`. Stored where Google's `spreadsheets.get` shows them
 * (`developerMetadata` of the spreadsheet, `sheets[].developerMetadata`), so deleting a sheet deletes its metadata,
 * as documented ("If the associated object is deleted then its metadata is deleted too").
 * Row and column locations (DimensionRange) are not implemented and are refused clearly.
 */

const VISIBILITIES = new Set(["DOCUMENT", "PROJECT"]);

/** Every metadata of the spreadsheet, with the array that holds it. */
function everyMetadata(doc: Spreadsheet): { item: Json; holder: Json[] }[] {
  const out: { item: Json; holder: Json[] }[] = [];
  for (const item of doc.developerMetadata ?? []) out.push({ item, holder: doc.developerMetadata as Json[] });
  for (const sheet of doc.sheets)
    for (const item of sheet.developerMetadata ?? []) out.push({ item, holder: sheet.developerMetadata as Json[] });
  return out;
}

/** createDeveloperMetadata: a key is required, a location (spreadsheet or sheet) and a visibility. */
export function createDeveloperMetadataRequest(doc: Spreadsheet, req: Json): Reply {
  const input = (req.developerMetadata ?? {}) as Json;
  if (typeof input.metadataKey !== "string" || input.metadataKey === "")
    throw badRequest("Developer metadata must always have a key specified.");
  if (!VISIBILITIES.has(String(input.visibility)))
    throw badRequest("Developer metadata must have a visibility of DOCUMENT or PROJECT.");
  if (input.metadataValue !== undefined && typeof input.metadataValue !== "string")
    throw badRequest("metadataValue must be a string.");
  const used = new Set(everyMetadata(doc).map(({ item }) => item.metadataId));
  let id = input.metadataId === undefined ? 0 : Number(input.metadataId);
  if (input.metadataId !== undefined) {
    if (!Number.isInteger(id) || id < 1)
      throw badRequest(`Invalid metadataId: ${String(input.metadataId)}. It must be positive.`);
    if (used.has(id)) throw badRequest(`Developer metadata with ID ${id} already exists.`);
  } else {
    do id = randomInt(1, 2_147_483_647);
    while (used.has(id));
  }
  const location = (input.location ?? {}) as Json;
  const stored: Json = { metadataId: id, metadataKey: input.metadataKey };
  if (input.metadataValue !== undefined) stored.metadataValue = input.metadataValue;
  if (location.dimensionRange !== undefined)
    throw badRequest("Row and column developer metadata are not implemented by the Sheets emulator.");
  if (location.spreadsheet === true && location.sheetId === undefined) {
    stored.location = { locationType: "SPREADSHEET", spreadsheet: true };
    stored.visibility = input.visibility;
    doc.developerMetadata = [...(doc.developerMetadata ?? []), stored];
  } else if (location.sheetId !== undefined && location.spreadsheet === undefined) {
    const sheet = sheetById(doc, location.sheetId);
    stored.location = { locationType: "SHEET", sheetId: sheet.properties.sheetId };
    stored.visibility = input.visibility;
    sheet.developerMetadata = [...(sheet.developerMetadata ?? []), stored];
  } else {
    throw badRequest("Developer metadata must have exactly one location: spreadsheet, sheetId or dimensionRange.");
  }
  return { createDeveloperMetadata: { developerMetadata: structuredClone(stored) } };
}

/** updateDeveloperMetadata: every metadata matched by any of `dataFilters` gets the fields named in `fields`. */
export function updateDeveloperMetadataRequest(doc: Spreadsheet, req: Json): Reply {
  const filters = lookups(req.dataFilters);
  const mask = parseFieldMask(typeof req.fields === "string" ? req.fields : "");
  if (Object.keys(mask).length === 0) throw badRequest("At least one field must be specified in 'fields'.");
  if ("metadataId" in mask || "location" in mask || "*" in mask) {
    throw badRequest("Only metadataKey, metadataValue and visibility can be updated by the Sheets emulator.");
  }
  const input = (req.developerMetadata ?? {}) as Json;
  const updated: Json[] = [];
  for (const { item } of everyMetadata(doc)) {
    if (!filters.some((f) => matchesLookup(item, f))) continue;
    applyMask(item, input, mask);
    if (typeof item.metadataKey !== "string" || item.metadataKey === "")
      throw badRequest("Developer metadata must always have a key specified.");
    if (!VISIBILITIES.has(String(item.visibility)))
      throw badRequest("Developer metadata must have a visibility of DOCUMENT or PROJECT.");
    updated.push(structuredClone(item));
  }
  return { updateDeveloperMetadata: { developerMetadata: updated } };
}

/** deleteDeveloperMetadata: removes every metadata matched by `dataFilter` (none matched is not an error). */
export function deleteDeveloperMetadataRequest(doc: Spreadsheet, req: Json): Reply {
  const [filter] = lookups([req.dataFilter]);
  const deleted: Json[] = [];
  for (const { item, holder } of everyMetadata(doc)) {
    if (!filter || !matchesLookup(item, filter)) continue;
    holder.splice(holder.indexOf(item), 1);
    deleted.push(item);
  }
  if (doc.developerMetadata?.length === 0) delete doc.developerMetadata;
  for (const sheet of doc.sheets) if (sheet.developerMetadata?.length === 0) delete sheet.developerMetadata;
  return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted } };
}

/** spreadsheets.developerMetadata.search: `{ matchedDeveloperMetadata: [{ developerMetadata, dataFilters }] }`. */
export function searchDeveloperMetadata(doc: Spreadsheet, body: Json): Json {
  const filters = Array.isArray(body.dataFilters) ? (body.dataFilters as unknown[]) : [];
  if (filters.length === 0) throw badRequest("Must specify at least one data filter.");
  const checked = lookups(filters);
  const matched: Json[] = [];
  for (const { item } of everyMetadata(doc)) {
    const hits = filters.filter((_f, i) => matchesLookup(item, checked[i] as Json));
    if (hits.length > 0) matched.push({ developerMetadata: structuredClone(item), dataFilters: structuredClone(hits) });
  }
  return matched.length > 0 ? { matchedDeveloperMetadata: matched } : {};
}

/** spreadsheets.developerMetadata.get: the metadata with this id, or Google's 404. */
export function getDeveloperMetadata(doc: Spreadsheet, rawId: string): Json {
  const id = Number(rawId);
  const found = everyMetadata(doc).find(({ item }) => item.metadataId === id);
  if (!found) throw notFound();
  return structuredClone(found.item);
}

/** The DeveloperMetadataLookup of each DataFilter; the other filter kinds select no metadata in the emulator. */
function lookups(filters: unknown): Json[] {
  if (!Array.isArray(filters) || filters.length === 0) throw badRequest("Must specify at least one data filter.");
  return filters.map((f, i) => {
    const lookup = (f as Json | null)?.developerMetadataLookup;
    if (lookup === null || typeof lookup !== "object") {
      throw badRequest(
        `Invalid dataFilters[${i}]: only developerMetadataLookup filters are implemented by the Sheets emulator.`,
      );
    }
    return lookup as Json;
  });
}

/** Google's DeveloperMetadataLookup: every field set must match (locations by EXACT_LOCATION only). */
function matchesLookup(item: Json, lookup: Json): boolean {
  const location = item.location as Json;
  if (lookup.metadataId !== undefined && Number(lookup.metadataId) !== item.metadataId) return false;
  if (lookup.metadataKey !== undefined && lookup.metadataKey !== item.metadataKey) return false;
  if (lookup.metadataValue !== undefined && lookup.metadataValue !== item.metadataValue) return false;
  if (lookup.visibility !== undefined && lookup.visibility !== item.visibility) return false;
  if (lookup.locationType !== undefined && lookup.locationType !== location.locationType) return false;
  const where = lookup.metadataLocation as Json | undefined;
  if (where !== undefined) {
    if (where.spreadsheet === true && location.locationType !== "SPREADSHEET") return false;
    if (where.sheetId !== undefined && Number(where.sheetId) !== location.sheetId) return false;
    if (where.locationType !== undefined && where.locationType !== location.locationType) return false;
  }
  return true;
}
