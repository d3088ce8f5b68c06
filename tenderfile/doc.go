// Package tenderfile reads and writes tenders and bids as files — YAML or
// JSON, and bids and evaluators' marks as CSV exported from a spreadsheet —
// so that an evaluation team can keep its model and bid returns in files
// and run an evaluation with the tenderscore command, without writing Go.
//
// It owns the file format: the envelope and its schema version, strict
// decoding with a position for every problem, encoding back to an
// equivalent file, the CSV layouts, and the JSON Schema published for
// editors (schema/tender.schema.json, schema/bids.schema.json). It does not
// own the model (package score, whose JSON field names the files use, so
// that a field added to the model is read and written without a change
// here), validation of what a file means ([score.Tender.Validate]), or
// scoring.
//
// Why a package of its own, beside score rather than inside it: the model
// and engine need no parser, and a program that builds tenders in Go should
// not carry a YAML library; the format also versions on its own schedule.
//
// # Reading
//
// [ReadTender] and [ReadBids] read one file each; [ReadBidsCSV] reads a set
// of CSV files. Each returns a [Source] that says where every value came
// from; [Validate] (or [Source.Locate]) puts the problems
// [score.Tender.Validate] finds at their places:
//
//	tender.yaml:22:9: lots[0].policy.criteria: the weights here sum to 95, not exactly 100 (value "95", rule sum-100)
//	bids.yaml:18:5: bids[1].responses[team]: no response to criterion team (Team) (rule required)
//
// Decoding is strict, and reports every problem at once in an [*Error],
// never a partial tender: an unknown field (with the field probably meant),
// a duplicate key, a wrong type, a bad number or date, a wrong or missing
// schema version, a second document in the file, a file larger than
// [MaxFileBytes] (or, read as YAML, than [MaxYAMLBytes]). Field names are
// matched exactly, case included. Each bid is checked on its own as it is
// read ([score.Bid.Validate]: an id, a lot, a supplier's id and name,
// visible ids), so a bids file that lacks them is refused by [ReadBids]
// and [ReadBidsCSV] themselves, with no bid kept after the first problem:
// a hostile file costs memory for its bytes, not for its bids (see
// SECURITY.md).
//
// # The envelope
//
// A tender file:
//
//	schemaVersion: tenderscore/tender/1
//	tender:
//	  id: ANY/2026/7
//	  …
//
// A bids file:
//
//	schemaVersion: tenderscore/bids/1
//	bids:
//	  - id: B-1
//	    …
//
// schemaVersion comes first and says what the file holds. A version
// changes only when a field is removed or changes meaning; fields may be
// added within a version, so an older file always reads.
//
// # Values
//
//   - Text: a YAML string (plain or quoted) or a JSON string. A YAML value
//     that reads as a number, true/false or a date is not text: quote it
//     (lot: "1").
//   - Amounts, weights, marks, percentages and rates: a number or a string
//     of digits with an optional minus sign and decimal point ("1234.50").
//     They are read exactly, as text — never through floating point — and
//     written back as strings holding the same digits ("0.0040" stays
//     "0.0040"). Thousands separators and exponents are refused.
//   - Whole numbers (termMonths, places, years): a number without a point.
//   - true and false only (not yes/no).
//   - Dates: "YYYY-MM-DD".
//   - null, or leaving a field out, is the field's zero value.
//
// YAML's anchors, aliases and merge keys ("<<: *base") may be used to share
// a scale or a catalogue; the encoder writes a catalogue or scale used more
// than once with an anchor itself.
//
// # Tender reference
//
// Each block names the fields of the model type it is read into; the
// type's documentation says what each means. A field marked * is required:
// the JSON Schemas list the same fields in their "required" lists. Every
// other field may be left out, and its zero value means what the model's
// documentation says (often "not stated", which the result's notes then
// say). Scoring needs only the fields marked here; package frameworks
// (tenderscore check) needs more: the authority's type, the date the
// procurement commenced and each lot's estimated value.
//
// tender ([score.Tender]): id*, title*, authority, commenced (date),
// regime (pcr-2015 | pa-2023), route, livingWageRates, lots*, lotRules,
// crossLotOffers, documents (where the procurement documents and the full
// methodology can be read), evaluation.
//
// authority ([score.Authority]): name, type (central-government |
// sub-central), nation (england | wales | scotland | northern-ireland; the
// UK nation whose law binds a sub-central authority, for the rules that
// apply in England only).
//
// route ([score.Route]), on the tender or a lot: framework (RM6190),
// lot, procedure (further-competition | direct-award | open | …).
//
// lots[] ([score.Lot]): id*, title*, estimatedValue (including VAT, whole
// term), termMonths, contractType (goods-services | works | light-touch |
// utilities-defence), route, regime, reservation (area, smeOrVcse), policy.
//
// lotRules ([score.LotRules]): maximumLotsBidPerSupplier,
// maximumLotsAwardedPerSupplier, allocation (in-order |
// max-total-score), order (value-descending | as-listed | sequence),
// sequence (lot ids), crossLot, description. crossLotOffers[]
// ([score.CrossLotOffer]): id, supplier, lots, percentOff, description.
//
// evaluation ([score.Evaluation]): panel[] (name*, role, conflicts*: what
// the evaluator declared about conflicts of interest), completed and
// reported (dates).
//
// policy ([score.Policy]): basis (weighted | price-per-quality-point |
// adjusted-price), weighting (percent | percent-of-total | points: points
// as published, a total of any size), gates, livingWageGates, criteria*,
// features, thresholds, rounding, tieBreaks.
//
// features ([criteria.FeatureRule]), under the adjusted-price basis:
// features*[] (code*, title*, description, values*[]: value*, title*,
// description), maxValue and maxSum (the limits; 0.3 each, ProZorro's,
// when left out). The price criterion's method is adjusted-by-features
// and it carries no weight:
//
//	policy:
//	  basis: adjusted-price
//	  criteria:
//	    - {id: price, title: Price, price: {method: adjusted-by-features}}
//	  features:
//	    features:
//	      - code: YEARS
//	        title: Years trading
//	        values:
//	          - {value: "0.05", title: up to 3 years}
//	          - {value: "0.1", title: 3 to 5 years}
//	  rounding:
//	    - {stage: total, places: 2, mode: half-even}
//
// gates[] ([criteria.Gate]): id*, title*, kind* (condition-of-participation
// | award-requirement), requirement, source. livingWageGates[]
// ([criteria.LivingWageGate]): id*, title*, kind*, region* (london |
// rest-of-uk), rule* (announced | implement-by), minAccreditation, source.
//
// criteria[] ([score.Criterion]): id*, title*, description, category
// (price | quality | social-value), weight, minPercent, locationBased, and
// either children (sub-criteria) or exactly one rule:
//
//   - price ([criteria.PriceRule]): method* (relative | linear | band |
//     deduction | per-quality-point | adjusted-by-features), floor,
//     ceiling, rate, maxBudget,
//     overBudget (disqualify | score-zero), schedule (lines[]: item,
//     description, quantity, firstYear, years; discount: rate, rounding,
//     source).
//   - quality ([criteria.QualityRule]): scale*, moderation* (consensus |
//     mean), minMark. The scale is a built-in one by name — 0-4, 0-5,
//     0/25/50/75/100 or 0/2/5/8/10 ([criteria.ScaleNames]) — or spelled out:
//     name, levels*[] (mark, descriptor), source.
//   - socialValue ([criteria.SocialValueRule]): catalogue*, measures,
//     basis* (proxy-value | quantity), per (per-million-contract-value |
//     share-of-bid-price), method* (relative-to-best | banded), cap,
//     bands[] (atLeast*, share), split (quantitative*, qualitative*),
//     methodStatement (a quality rule), withoutMethodStatement* (disregard |
//     count), localArea (name*, boroughs, postcodeDistricts). The catalogue
//     is the path of the buyer's catalogue file, CSV or JSON, relative to
//     the tender file (catalogue: measures.csv; see [ReadTenderIn]), or
//     spelled out: name, measures*[] (code*, theme, description*, unit*,
//     proxy*, source*, year*, local, firstYearOnly).
//   - livingWage ([criteria.LivingWageRule]): method* (accreditation |
//     hourly-rate), region, rule, shares (accredited, workingTowards, none),
//     atRate, premium.
//
// thresholds ([score.Thresholds]): minQualityPercent, qualityCriteria.
// rounding[] ([score.RoundingRule]): stage* (normalised | points | criteria
// | total), places, mode* (half-up | half-even | down | up | ceiling |
// floor). tieBreaks[] ([score.TieBreak]): kind* (higher-points |
// lower-price | recorded), criterion, name, description.
//
// livingWageRates ([criteria.RateTable]), to replace the built-in rate
// tables: rates[] (scheme, hourly, announced, implementBy, confidence,
// verified, source, note).
//
// # Bids reference
//
// bids[] ([score.Bid]): id*, supplier* (id*, name*, address, email,
// identifier), lot*, responses, gates, livingWage, features (under the
// adjusted-price basis, a mapping from each feature's code to the value the
// bid chose: features: {YEARS: "0.1"}), tieBreakScores, disregard
// (ground*, reason*, noticeGiven: a tender disregarded before scoring, and
// why).
//
// responses is a mapping from each leaf criterion's id to a
// [score.Response]: price (amount, or unitPrices by schedule item), marks,
// socialValue (commitments[]: measure, quantity, fte, years, percent,
// where, methodStatement; methodStatement: marks; deliverability: the
// evaluators' discount with its reason). bidPrice is set by the engine from
// the bid's price: leave it out.
//
// marks ([criteria.Marks]) hold evaluators*[] (evaluator*, mark,
// rationale) and consensus (mark, rationale*). Every evaluator's own mark
// is needed, whatever the moderation: under consensus the consensus mark
// is scored and the evaluators' rows are the audit trail; under the mean
// the evaluators' marks are scored and each needs its rationale (what the
// bidder is told). A consensus without its evaluators' rows is refused:
//
//	plan:
//	  marks:
//	    evaluators:
//	      - {evaluator: E1, mark: 3, rationale: clear seasonal plan}
//	      - {evaluator: E2, mark: 2, rationale: no winter work}
//	    consensus: {mark: 3, rationale: a clear plan; winter work agreed at clarification}
//
// gates is a mapping from gate id to the decision ([criteria.GateResult]):
// pass, reason (required when the bid fails), evidence. livingWage
// ([criteria.LivingWageCommitment]): atLeastApplicable, hourlyRate,
// includesContractedStaff, accreditation, evidence. tieBreakScores maps a
// recorded tie-break step's name to score and reason.
//
// # CSV
//
// Bids can come instead from CSV files as a spreadsheet exports them, each
// with a header row naming its columns (in any order); what a file holds is
// told by its columns:
//
//	bids         bid, lot, supplier, supplierName, and optionally
//	             livingWageAccreditation, livingWageAtLeastApplicable,
//	             livingWageHourlyRate, livingWageIncludesContractedStaff,
//	             livingWageEvidence
//	prices       bid, criterion, amount, and optionally item (a schedule line;
//	             empty for a single price)
//	marks        bid, criterion, mark, and optionally evaluator, rationale,
//	             consensus (true for the moderated consensus mark)
//	gates        bid, gate, pass, and optionally reason, evidence
//	commitments  bid, criterion, measure, and optionally quantity, fte,
//	             years, percent, where (separated by ";"), methodStatement
//	tiebreaks    bid, step, score, and optionally reason
//	features     bid, feature, value (the value the bid chose for a
//	             feature of a price adjusted by features)
//
// Any file may also carry lot, supplier and supplierName, so that a prices
// file alone can name the bids. Marks for a social value criterion are the
// marks for its method statement; a commitments row with no measure
// records that the bid answered the criterion and committed nothing. An
// evaluator's deliverability discount has no CSV form: use YAML for it.
// [EncodeBidsCSV] writes bids in this layout.
//
// Rows and columns are numbered as a spreadsheet numbers them (the header
// is row 1), and every problem names its file, row and column, the column
// by its letters and its number:
//
//	prices.csv:7:C (column 3): amount: not a number: write it without thousands separators (1234.50, not 1,234.50) (value "1,000", rule number)
//
// A file whose header cannot be read hides no other file's problems.
//
// A cell a spreadsheet would run as a formula — one beginning =, +, -, @,
// a tab or a carriage return, unless it is a number — is written by
// [EncodeBidsCSV] with a leading apostrophe (as OWASP recommends against CSV
// injection), and read by [ReadBidsCSV] without it, so that every value
// reads back as written: "-5" is a number and stays "-5"; "=1+1" is written
// "'=1+1". A cell of yours that begins with an apostrophe followed by one
// of those characters loses the apostrophe on reading.
//
// The layouts are [Layouts]. A workbook holds them as sheets of the same
// names (package tenderfile/xlsx reads and writes it); [ReadBidsTables]
// joins [Table]s from any mix of CSV files ([ReadCSVTable]) and sheets into
// one set of bids, and a problem in a sheet names its cell
// ("bids.xlsx:marks!D7: mark: …").
//
// # Limits
//
// The limits are set out, with those of every other package, in package
// criteria ([criteria.MaxTenderFileBytes] and those beside it) and in
// SECURITY.md at the root of the module. A YAML or JSON file may be at
// most [MaxFileBytes] and a CSV file [MaxCSVBytes]; values nest at most
// [criteria.MaxNesting] deep, aliases may not expand a file far beyond its
// size, and a number is at most [criteria.MaxNumberChars] characters,
// checked before it is read. Each file reports at most
// [criteria.MaxProblems] problems and counts the rest.
//
// Memory: a file is held as its bytes while its positions may be asked
// for; YAML is parsed into a node tree, JSON bids are read one at a time,
// CSV rows are kept as their cells with no position per cell. The decoded
// values themselves take what they take: the worst case, a file of empty
// bids, is three bytes of JSON and a 96-byte [score.Bid] each.
package tenderfile
