// Package ocds writes tenders, bids and awards as Open Contracting Data
// Standard (OCDS) 1.1 release packages, and reads tender notices published
// in OCDS — as Find a Tender publishes them — into tenders, so that a
// council need not re-key a notice into a tender file, nor an evaluation
// into its publication.
//
// It owns the mapping between the tenderscore model (package score) and
// OCDS, with the extensions UK notices use. It does not own the model, the
// file format of tenders (package tenderfile, whose [tenderfile.Error] its
// reading errors are), validation ([score.Tender.Validate]) or the award
// ([score.Award]). Package score never imports it.
//
// # Writing: Export
//
// [Export] writes one release in a release package, declaring the
// extensions in [Extensions], each pinned to a version:
//
//	parties            the buyer (party id scheme-id when ExportOptions.Buyer
//	                   gives its registered identifier, else "buyer"),
//	                   classified UK_CA_TYPE publicAuthoritySubCentralGovernment
//	                   or publicAuthorityCentralGovernment; every bidder as a
//	                   tenderer, and as a supplier when awarded a lot, with its
//	                   identifier (ExportOptions.Suppliers, else its id in the
//	                   bids)
//	tender.legalBasis  UKPGA 2023/54 for pa-2023; CELEX 32014L0024 for pcr-2015
//	tender.lots[]      id, title, status, value.amountGross (the estimated
//	                   value including VAT, UK extension),
//	                   contractPeriod.durationInMonths (UK extension) and
//	                   awardCriteria (award criteria extension)
//	tender.lotDetails  maximumLotsBidPerSupplier, maximumLotsAwardedPerSupplier
//	                   and, as awardCriteriaDetails, the lot rules' published
//	                   description (lots extension)
//	bids.details[]     with bids: each bid's tenderer, its price as bid
//	                   (value.amount; a schedule at its undiscounted total),
//	                   status valid or disqualified (a tender disregarded
//	                   too: the codelist is closed), and relatedLots (bids
//	                   extension); for a lot priced by features, the bid's
//	                   choices as ProZorro's parameters (code, value)
//	tender.features[]  for a lot priced by features, each feature as
//	                   ProZorro publishes it: code, featureOf lot with the
//	                   lot as relatedItem (tenderer for a feature every lot
//	                   shares alike), title, description, enum[] of value,
//	                   title, description
//	awards[]           with bids, one per lot in the tender's order: pending
//	                   (decided, in standstill, no contract yet) with the
//	                   supplier, the price in force (reduced under an accepted
//	                   cross-lot offer), relatedBid, the award date and the
//	                   standstill period (UK extension) when known;
//	                   unsuccessful for a lot not awarded
//
// A lot's award criteria are OCDS's flat list: each leaf criterion of the
// policy is one award criterion, named by its ancestors' titles and its own
// joined by ": " ("Quality: Service desk operating model"), typed price,
// cost (a discounted whole-life cost) or quality (social value included),
// and weighted by its exact share of the lot — percentageExact when every
// share of the lot is a finite decimal, else whole points in proportion
// (pointsExact); a lot weighted in points writes the points it publishes
// (pointsExact: 10, 10 and 10 of a 30-point model). A lot scored on price
// per quality point says so in its weightingDescription and gives the
// price no weight; so does a lot priced by features (ProZorro's MEAT rule,
// docs/sources/prozorro.md), whose features no OCDS extension defines:
// they are written in ProZorro's own shape, and a code that some lots but
// not all share, or that lots publish differently, is a
// [*FeatureCodeError]. Minimum marks and
// scores are not written: OCDS's minimumScore does not say in what unit a
// score is.
//
// The release's ocid prefix, id and date, the award date and the standstill
// period are options: nothing is read from the clock, and the same tender,
// bids and options give the same bytes whatever order the bids come in. A
// lot whose award rests on a tie the declared chain could not break gets no
// award: no award stands until the authority resolves it. The bids section
// discloses every bidder and its price: publish it where the authority has
// decided to.
//
// A lot's standstill period is the caller's (ExportOptions.Standstill), or
// its award timeline's ([score.Tender.Timeline]) counted from the day the
// award notice is sent (ExportOptions.AwardNotice): the eight working days
// of the Procurement Act 2023 s.51 or PCR 2015 reg 87's ten days, none for
// a call-off unless the notice provides one. [Period] says how.
//
// # Reading: Import
//
// [Import] reads a release, a record (its compiled release), a release
// package or a record package. In a file of several releases it reads one
// contracting process (ImportOptions.OCID) and, of its releases, a record's
// compiled release, else the latest with a tender section
// (ImportOptions.ReleaseID chooses another). It reads:
//
//   - the authority: the buyer party's name, its type from its UK_CA_TYPE
//     classification and its nation from UK_CA_DEVOLVED_REGULATIONS;
//   - the regime from tender.legalBasis;
//   - the lots (or, for a tender without lots, the tender as lot 1): id,
//     title, the estimated value from value.amountGross, the amount including
//     all taxes (else value.amount, with a note that it most likely excludes
//     VAT), the term from
//     contractPeriod.durationInMonths or from start and end dates a whole
//     number of months apart (the tender's contract period when the lot
//     gives none);
//   - each lot's award criteria: the weight from numbers[] first
//     (percentages, decimals as percentages, points; the middle of a range
//     with a note), then from the description, where notices of the PCR
//     2015 era put it ("70", "70%", "Weighting: 70 %", or the one
//     percentage in a sentence); price and cost criteria as price
//     criteria; social value recognised by its name; criteria whose names
//     share a first part before ": " read as sub-criteria of that part,
//     weighted as percentages of the whole (percent-of-total) — the form
//     Export writes, so a tender comes back with its criteria and weights;
//   - the caps on lots per supplier from tender.lotDetails (a cap of every
//     lot or more is no cap, noted) and awardCriteriaDetails as the lot
//     rules' description;
//   - ProZorro's tender.features: a lot with features — the tenderer's, the
//     lot's own, and its items' (tender.items' relatedLot), as ProZorro's
//     filter_features counts them — is scored on a price adjusted by them,
//     its price the only criterion, ProZorro's limits of 0.3 applying (the
//     notes say what to declare for ProZorro's rounding and tie-break);
//   - the bids, when the release has any (bids.details, Imported.Bids):
//     each bid's tenderer, first related lot, value as its price for the
//     lot's one price criterion, and its parameters as its chosen features
//     (those of the lot's features only, as ProZorro counts them);
//     [Imported.WriteBids] writes them as a bids file. What OCDS does not
//     carry, such as evaluators' marks, is left for validation to name; a
//     bid id, a tenderer's id or name, or (with several lots) a lot the
//     notice leaves out is given a stand-in the notes name — the bid's
//     position, the tenderer's name for its id and its id for its name, a
//     lot no tender has — so that the file reads back and no bid is lost.
//
// # Fields to complete
//
// What OCDS cannot carry is written so that validating the tender names
// each field — or, for what scoring does not need but the law does, the
// frameworks check ([frameworks.Check]) — and listed in [Imported.Gaps]
// (the tenderscore command prints them on standard error).
// [Imported.WriteTender] puts a comment "TO COMPLETE: …" above each in the
// tender file. The forms:
//
//	price.method, quality.moderation,
//	policy.weighting (mixed kinds)  the text TO-COMPLETE (Placeholder):
//	                                validation names the value and the
//	                                values allowed
//	quality.scale                   a scale named TO-COMPLETE with no levels
//	                                (a scale needs at least two marks); the
//	                                encoder writes one scale and aliases it,
//	                                so one edit completes every question
//	                                marked on the same scale
//	policy.thresholds               qualityCriteria [TO-COMPLETE]: set the
//	                                minimum or delete the thresholds; a
//	                                minimum score the notice publishes is
//	                                quoted in the gap
//	weight                          0, when the notice gives none or only an
//	                                order of importance (kept in the
//	                                description)
//	ids and titles                  left empty: they are required
//	lotRules.allocation             left empty: a cap needs a published
//	                                mechanism, and validation says so
//	commenced, authority.type,      left empty or zero, for the frameworks
//	a lot's estimatedValue          check (Gap.Check): the law needs them,
//	                                scoring does not
//
// What the notice leaves out and nothing requires — the authority's name
// and nation, the regime (package frameworks takes it from the
// commencement date), a lot's term — is said in Imported.Notes.
//
// # Limits
//
// A notice may come from anywhere. Import reads at most [MaxImportBytes],
// values nested at most [MaxDepth] deep (checked in one pass before
// decoding), at most [MaxLots] lots and [MaxCriteria] award criteria a lot,
// [MaxFeatures] features of at most [MaxFeatureValues] values, [MaxBids]
// bids, and numbers of at most 40 characters with exponents within ±30; it skips
// every field it does not use, and its work is linear in the size of the
// file. Text is cleaned: line breaks and tabs become spaces, and any other
// control or bidirectional character is shown as U+FFFD (package safetext),
// so none reaches a tender file; Export writes the model's strings exactly,
// JSON escaping what needs it. A
// field of the wrong kind, broken JSON or a file that is not OCDS gives a
// [*tenderfile.Error] naming the place (file:line:column) or the field path
// in the file ("releases[1].tender.lots[0].title").
//
// # Sources
//
// OCDS 1.1.5 (standard.open-contracting.org); the lots, bids, award
// criteria, legal basis and organisation classification extensions
// (github.com/open-contracting-extensions); the Cabinet Office's UK
// extension (github.com/cabinetoffice/ocds_uk_extension), whose codelist
// lists the UK_CA_TYPE and UK_CA_DEVOLVED_REGULATIONS codes and the UKPGA
// scheme. Find a Tender's release packages
// (www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages) show the
// buyer classification and the legal basis UKPGA 2023/54 in use. That Find
// a Tender gives PCR 2015 notices the legal basis CELEX 32014L0024 is not
// verified; Import reads it and notes so.
package ocds
