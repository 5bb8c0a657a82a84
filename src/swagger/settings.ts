/** settings.json, typed: what `paconn create --settings settings.json` reads. */
export type PaconnSettings = {
  apiDefinition: string;
  apiProperties: string;
  icon?: string;
  /** paconn reads `script` although the official settings schema omits it (a known gap). */
  script?: string;
  powerAppsApiVersion: string;
};
