import type { CsvMapping, CsvTarget } from '@shared/api/io'

/**
 * Header spellings of Staffroom's own export, Google Contacts ("E-mail 1 - Value",
 * "Organization 1 - Name"), Outlook ("E-mail Address", "Job Title") and common hand-made
 * sheets, compared case- and punctuation-insensitively. First match wins.
 */
const patterns: Array<[CsvTarget, RegExp]> = [
  ['name', /^(name|fullname|displayname|contact|contactname|person)$/],
  ['givenName', /^(givenname|firstname|first|forename|prename)$/],
  ['familyName', /^(familyname|lastname|last|surname)$/],
  ['email', /^(e?mail|emailaddress|e?mail\d*(value|address)?|emailaddress\d*)$/],
  ['phone', /(phone|mobile|tel|telephone|cell)(\d*value|number)?$/],
  ['website', /^(website|web|webpage|url|homepage|website\d*value)$/],
  ['social', /^(social|socialprofile|mastodon|twitter|bluesky|x|linkedin|handle)$/],
  ['organisation', /^(organi[sz]ation|organi[sz]ation\d*name|company|school|employer)$/],
  ['role', /^(role|title|jobtitle|position|organi[sz]ation\d*title)$/],
  ['pronouns', /^pronouns$/],
  ['location', /^(location|city|town|place|(home|business|work)city|address\d*city)$/],
  ['subjects', /^subjects?$/],
  ['gradeLevels', /^(gradelevels?|grades?|yeargroups?|keystages?)$/],
  ['interests', /^interests?$/],
  ['tags', /^(tags?|categories|groups?|groupmembership|labels?)$/],
  ['notes', /^(notes?|comments?|description)$/],
  ['metHow', /^(methow|howwemet|howmet)$/],
  ['metWhere', /^(metwhere|wherewemet|wheremet)$/],
]

export function guessMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<CsvTarget>()
  return headers.map((header) => {
    const key = header.toLowerCase().replace(/[^a-z0-9]/g, '')
    const target = patterns.find(([candidate, pattern]) => pattern.test(key) && !(used.has(candidate) && singleTargets.has(candidate)))?.[0] ?? 'ignore'
    used.add(target)
    return target
  })
}

/** Targets that hold one value: a second matching column is left for the user to map. */
export const singleTargets = new Set<CsvTarget>(['name', 'givenName', 'familyName', 'organisation', 'role', 'pronouns', 'location', 'metHow', 'metWhere'])
