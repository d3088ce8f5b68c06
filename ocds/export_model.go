package ocds

import "encoding/json"

// The OCDS objects Export writes, with only the fields it fills. Field
// order is the order written. Numbers are json.Number holding a decimal's
// exact digits, so that no amount or weight ever passes through a float.

type outPackage struct {
	URI           string       `json:"uri"`
	Version       string       `json:"version"`
	Extensions    []string     `json:"extensions"`
	PublishedDate string       `json:"publishedDate"`
	Publisher     outPublisher `json:"publisher"`
	Releases      []outRelease `json:"releases"`
}

type outPublisher struct {
	Name string `json:"name"`
}

type outRelease struct {
	OCID           string     `json:"ocid"`
	ID             string     `json:"id"`
	Date           string     `json:"date"`
	Tag            []string   `json:"tag"`
	InitiationType string     `json:"initiationType"`
	Language       string     `json:"language"`
	Parties        []outParty `json:"parties"`
	Buyer          outOrgRef  `json:"buyer"`
	Tender         outTender  `json:"tender"`
	Bids           *outBids   `json:"bids,omitempty"`
	Awards         []outAward `json:"awards,omitempty"`
}

type outParty struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Identifier *outIdentifier `json:"identifier,omitempty"`
	Roles      []string       `json:"roles"`
	Details    *outDetails    `json:"details,omitempty"`
}

type outIdentifier struct {
	Scheme    string `json:"scheme,omitempty"`
	ID        string `json:"id"`
	LegalName string `json:"legalName,omitempty"`
}

type outDetails struct {
	Classifications []outClassification `json:"classifications"`
}

type outClassification struct {
	Scheme      string `json:"scheme"`
	ID          string `json:"id"`
	Description string `json:"description,omitempty"`
	URI         string `json:"uri,omitempty"`
}

type outOrgRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type outTender struct {
	ID            string             `json:"id"`
	Title         string             `json:"title"`
	Status        string             `json:"status"`
	LegalBasis    *outClassification `json:"legalBasis,omitempty"`
	AwardCriteria string             `json:"awardCriteria,omitempty"`
	Lots          []outLot           `json:"lots"`
	LotDetails    *outLotDetails     `json:"lotDetails,omitempty"`
	Features      []outFeature       `json:"features,omitempty"`
}

type outLotDetails struct {
	MaximumLotsBidPerSupplier     *int   `json:"maximumLotsBidPerSupplier,omitempty"`
	MaximumLotsAwardedPerSupplier *int   `json:"maximumLotsAwardedPerSupplier,omitempty"`
	AwardCriteriaDetails          string `json:"awardCriteriaDetails,omitempty"`
}

type outLot struct {
	ID             string            `json:"id"`
	Title          string            `json:"title"`
	Status         string            `json:"status"`
	Value          *outValue         `json:"value,omitempty"`
	ContractPeriod *outPeriod        `json:"contractPeriod,omitempty"`
	AwardCriteria  *outAwardCriteria `json:"awardCriteria,omitempty"`
}

// outValue is an amount in pounds. Amount is the core field; AmountGross,
// from the UK extension, is the amount including all taxes.
type outValue struct {
	Amount      json.Number `json:"amount,omitempty"`
	AmountGross json.Number `json:"amountGross,omitempty"`
	Currency    string      `json:"currency"`
}

type outPeriod struct {
	StartDate        string `json:"startDate,omitempty"`
	EndDate          string `json:"endDate,omitempty"`
	DurationInMonths int    `json:"durationInMonths,omitempty"`
}

type outAwardCriteria struct {
	WeightingDescription string         `json:"weightingDescription,omitempty"`
	Criteria             []outCriterion `json:"criteria"`
}

type outCriterion struct {
	Type        string      `json:"type"`
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Numbers     []outNumber `json:"numbers,omitempty"`
}

type outNumber struct {
	Number json.Number `json:"number"`
	Weight string      `json:"weight,omitempty"`
}

type outBids struct {
	Details []outBid `json:"details"`
}

type outBid struct {
	ID          string         `json:"id"`
	Status      string         `json:"status"`
	Tenderers   []outOrgRef    `json:"tenderers"`
	Value       *outValue      `json:"value,omitempty"`
	RelatedLots []string       `json:"relatedLots"`
	Parameters  []outParameter `json:"parameters,omitempty"`
}

type outAward struct {
	ID               string      `json:"id"`
	Title            string      `json:"title"`
	Description      string      `json:"description,omitempty"`
	Status           string      `json:"status"`
	Date             string      `json:"date,omitempty"`
	Value            *outValue   `json:"value,omitempty"`
	Suppliers        []outOrgRef `json:"suppliers,omitempty"`
	RelatedLots      []string    `json:"relatedLots"`
	RelatedBid       string      `json:"relatedBid,omitempty"`
	StandstillPeriod *outPeriod  `json:"standstillPeriod,omitempty"`
}
