package ocds

import (
	"strings"

	"github.com/tenderscore/tenderscore/score"
)

// The codes UK notices use for the buyer and the law, as Find a Tender
// publishes them in OCDS 1.1 with the Cabinet Office's UK extension
// (docs/sources/ocds.md).

const (
	// caTypeScheme classifies a contracting authority. Its codes are listed
	// in the UK extension's codelists/+itemClassificationScheme.csv
	// (github.com/cabinetoffice/ocds_uk_extension): publicAuthorityCentralGovernment,
	// publicAuthoritySubCentralGovernment, publicUndertaking, privateUtility,
	// other. Verified: the codelist, and buyers so classed in notices on
	// www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages.
	caTypeScheme = "UK_CA_TYPE"
	// devolvedScheme names the devolved regulations that apply to an
	// authority operating mainly in Scotland, Wales or Northern Ireland:
	// GB-SCT, GB-WLS, GB-NIR (same codelist).
	devolvedScheme = "UK_CA_DEVOLVED_REGULATIONS"
)

// caType is one buyer classification tenderscore understands.
type caType struct {
	code, description string
	typ               score.AuthorityType
}

var caTypes = []caType{
	{"publicAuthorityCentralGovernment", "Public authority - central government", score.CentralGovernment},
	{"publicAuthoritySubCentralGovernment", "Public authority - sub-central government", score.SubCentral},
}

func caTypeOf(t score.AuthorityType) (caType, bool) {
	for _, c := range caTypes {
		if c.typ == t {
			return c, true
		}
	}
	return caType{}, false
}

func authorityTypeOf(code string) (score.AuthorityType, bool) {
	for _, c := range caTypes {
		if c.code == code {
			return c.typ, true
		}
	}
	return "", false
}

var devolved = []struct {
	code   string
	nation score.Nation
}{
	{"GB-SCT", score.Scotland},
	{"GB-WLS", score.Wales},
	{"GB-NIR", score.NorthernIreland},
}

// legalBasis is the tender.legalBasis (legal basis extension) a regime is
// published under.
type legalBasis struct {
	regime          score.Regime
	scheme, id, uri string
	description     string
	// unverified, when set, says what about the mapping is not verified.
	unverified string
}

var legalBases = []legalBasis{
	// Procurement Act 2023 (c. 54): scheme UKPGA from the UK extension's
	// codelist; verified in Find a Tender's notices, which give exactly
	// this id and uri.
	{regime: score.PA2023, scheme: "UKPGA", id: "2023/54", uri: "https://www.legislation.gov.uk/ukpga/2023/54/contents",
		description: "Procurement Act 2023"},
	// The Public Contracts Regulations 2015 implemented Directive 2014/24/EU,
	// whose CELEX number is 32014L0024 (EUR-Lex). That Find a Tender
	// publishes PCR 2015 notices with this legal basis is not verified
	// against a notice, so an import reading it says so.
	{regime: score.PCR2015, scheme: "CELEX", id: "32014L0024",
		description: "Directive 2014/24/EU, implemented by the Public Contracts Regulations 2015",
		unverified:  "that Find a Tender gives PCR 2015 notices the legal basis CELEX 32014L0024 is not verified"},
}

func legalBasisOf(r score.Regime) (legalBasis, bool) {
	for _, b := range legalBases {
		if b.regime == r {
			return b, true
		}
	}
	return legalBasis{}, false
}

func regimeOf(scheme, id string) (legalBasis, bool) {
	for _, b := range legalBases {
		if strings.EqualFold(b.scheme, scheme) && b.id == id {
			return b, true
		}
	}
	return legalBasis{}, false
}
