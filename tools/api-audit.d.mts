export interface NewerApi {
  api: string;
  names?: string[];
  on?: string;
  iterator?: boolean;
  chrome: number;
  firefox: number;
}
export interface ApiHit {
  api: string;
  since: string;
  text: string;
  index: number;
  context: string;
}
export const NEWER_APIS: NewerApi[];
export function auditApis(code: string, min: { chrome?: number; firefox?: number }): ApiHit[];
