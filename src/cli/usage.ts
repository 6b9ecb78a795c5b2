export const usage = `Usage: codecard <command> [options]

Commands:
  serve                         run the web app and API (http://localhost:3000, or PORT / --port)
  worker                        run imports and batch checks without HTTP (PostgreSQL: DATABASE_URL)
  import FILE...                add files to the library
      [--kind K] [--setting practitioner|hospital|dme] [--effective YYYY-MM-DD]
      [--title T] [--system cpt|hcpcs|icd10cm|modifier]
      [--columns code=H1,long=H2,short=H3,medium=H4,consumer=H5]   code tables: which headers
      [--partial | --complete]  an excerpt supplements the full release instead of replacing it
                                (default: partial when the file name says excerpt or subset)
      [--reference]             into the instance-wide reference data every organization reads
  sync [--status]               fetch new CMS/CDC releases from the mirror (CODECARD_SYNC_MIRROR)
                                into the reference data, each verified and imported as a new
                                version; --status: per dataset the last check, newest release
                                held, next expected release and whether it is overdue
  library                       list the documents in the library
  remove ID                     remove a document and everything it brought
  code CODE [--system S] [--dos YYYY-MM-DD]
                                a code's descriptors, with their sources
  card CODE [--system S] [--dos YYYY-MM-DD] [--setting practitioner|hospital|dme] [--lang L]
                                the code card: every section, each item cited
  fee CODE --locality WORDS [--date YYYY-MM-DD] [--modifier 26|TC|53] [--lang L]
                                the Medicare physician fee in a locality ("Manhattan", "NY 01"),
                                non-facility and facility, with the formula and both rows cited;
                                exit 1 when the library lacks the RVU or GPCI file, row or locality
  ask "QUESTION" [--lang L] [--dos YYYY-MM-DD] [--setting S] [--thread ID]
                                a cited answer from the library (a card, a pair verdict, units,
                                coverage, documentation, modifiers or passages); exit 1 when the
                                library does not cover the question
  check FILE|- [--setting S] [--format text|json|ndjson|csv] [--lang L]
                                check claims (JSON, NDJSON, CSV, X12 837P/837I) against the
                                library's edits and tables; exit 2 when a claim has an error
  performance [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--granularity day|week|month]
                                questions answered and refused, feedback, latency, claims
                                checked, findings, top edit pairs and codes, library gaps,
                                out-of-date datasets and codes asked about without coverage
                                (default the last 30 days, by day)
  watch [list [--days N] | add CODE… | remove CODE…]
                                the organization's watch list: codes it chose (CPT, HCPCS,
                                ICD-10-CM) and procedure codes its checks have seen
  changes [--from R --to R] [--dataset D] [--codes A,B] [--csv]
                                what changed between two releases of a dataset (R: release
                                label, id or effective date): PTP pairs, MUE values, HCPCS and
                                ICD-10-CM codes, RVU and GPCI values; an excerpt covers only
                                what it holds. Without --from and --to: the releases
  samples load                  load the starter library into an empty library
  org list | org add ID NAME     organizations on this instance (each has its own library, users and
                                audit log; all read the instance-wide reference data)
  user add EMAIL [--role viewer|coder|librarian|admin] [--org ID] [--instance-admin]
       [--password-stdin]       add a user: with --password-stdin, the password is read from
                                standard input; without, a one-time link is printed (the first
                                user is always an admin)
  search TEXT [--system S] [--limit N] [--dos YYYY-MM-DD]
                                find codes by words, synonyms or a code prefix

Global options:
  --data DIR                    the embedded database directory (default .codecard, or CODECARD_DATA_DIR)
  --json                        machine-readable output
  -h, --help                    this help

Kinds: ncci-ptp ncci-mue hcpcs icd10cm-order icd10cm-tabular code-table mpfs-rvu add-on
       coverage pdf docx html markdown text`;
