package score

import (
	"strconv"

	"github.com/tenderscore/tenderscore/criteria"
	"github.com/tenderscore/tenderscore/internal/safetext"
)

// This file holds the checks across bids: each bid's ids visible and
// unique, its supplier named one way and bidding once per lot, its lot
// known. They run in bid order, since each compares a bid with the bids
// before it, and only read the bids: [validation.bidsOf] runs them beside
// the bids' own checks.

// across holds what the checks across bids remember: ids, suppliers' names
// and lots, and spellings, and the problems found, by bid.
type across struct {
	ids         map[string]int
	suppliers   map[string]supplierSeen // by supplier id
	supplierLot map[uint64]int32        // (supplier number, lot number) → the bid's position
	lots        map[string]uint32       // lot ids met, numbered as met
	lastLot     string                  // the lot id met last, and its number: bids come lot by lot
	lastLotNum  uint32
	spelled     spellings         // supplier ids by the form they are compared in (validate_ids.go)
	problems    map[int][]Problem // by bid, for the bids with any
	omitted     map[int]int32     // by bid, the problems counted, not kept
	kept        int               // past the cap, problems across bids are counted
}

// supplierSeen is a supplier as first named, and its number.
type supplierSeen struct {
	name string
	num  uint32
}

// newAcross sizes the maps for the bids that have what they hold: a field
// of empty bids (a hostile file) makes none of them large. The suppliers
// are sized for the longest run of bids for one lot: each is a different
// supplier's in a valid field, and a supplier bidding for many lots is
// counted once, not once a lot.
func newAcross(bids []Bid) *across {
	named, supplied, run, longest := 0, 0, 0, 0
	for i := range bids {
		named += min(len(bids[i].ID), 1)
		supplied += min(len(bids[i].Supplier.ID), 1)
		if i == 0 || bids[i].Lot != bids[i-1].Lot {
			run = 0
		}
		run += min(len(bids[i].Supplier.ID), 1)
		longest = max(longest, run)
	}
	return &across{ids: make(map[string]int, named), suppliers: make(map[string]supplierSeen, longest),
		supplierLot: make(map[uint64]int32, supplied), lots: map[string]uint32{}, problems: map[int][]Problem{},
		omitted: map[int]int32{}}
}

// found reports whether the checks across bids found any problem.
func (ax *across) found() bool { return len(ax.problems) > 0 || len(ax.omitted) > 0 }

// lotNum numbers a lot id, the same number for the same id.
func (ax *across) lotNum(lot string) uint32 {
	if len(ax.lots) > 0 && lot == ax.lastLot {
		return ax.lastLotNum
	}
	n, ok := ax.lots[lot]
	if !ok {
		n = uint32(len(ax.lots))
		ax.lots[lot] = n
	}
	ax.lastLot, ax.lastLotNum = lot, n
	return n
}

// all runs the checks across bids on every bid, in order, and calls found
// once, at the first problem.
func (ax *across) all(v *validation, bids []Bid, lots map[string]*lotCheck, found func()) {
	for i := range bids {
		ax.check(v, i, bids, lots)
		if found != nil && ax.found() {
			found()
			found = nil
		}
	}
}

// check runs the checks across bids on one bid — its ids visible and
// unique, its supplier named one way and bidding once per lot, its lot
// known.
func (ax *across) check(v *validation, i int, bids []Bid, lots map[string]*lotCheck) {
	b := &bids[i]
	// The path is built only for a problem: most bids have none.
	path := func(field string) string { return "bids[" + strconv.Itoa(i) + "]." + field }
	av := &validation{struct_: v.struct_} // this bid's problems across bids
	if !safetext.Plain(b.ID) {
		av.ident(path("id"), b.ID)
	}
	if !safetext.Plain(b.Supplier.ID) {
		av.ident(path("supplier.id"), b.Supplier.ID)
	}
	av.sameSupplier(func() string { return path("supplier.id") }, b.Supplier.ID, &ax.spelled, ax.suppliers)
	if b.ID != "" {
		if j, dup := ax.ids[b.ID]; dup {
			av.add(path("id"), b.ID, "unique", "bid id already used by bids[%d]", j)
		} else {
			ax.ids[b.ID] = i
		}
	}
	if b.Supplier.ID != "" {
		ax.supplier(av, path, i, bids)
	}
	if _, ok := lots[b.Lot]; !ok && b.Lot != "" {
		av.push(Problem{Field: path("lot"), Value: b.Lot, Rule: "known-lot", Message: "the tender has no lot with this id"})
	}
	omitted := int32(av.omitted)
	switch {
	case len(av.ps) == 0:
	case ax.kept < criteria.MaxProblems:
		ax.problems[i] = av.ps
		ax.kept += len(av.ps)
	default:
		omitted += int32(len(av.ps))
	}
	if omitted > 0 {
		ax.omitted[i] = omitted
	}
}

// supplier checks that bid i names its supplier as earlier bids did and
// is the supplier's only bid for its lot.
func (ax *across) supplier(av *validation, path func(string) string, i int, bids []Bid) {
	b := &bids[i]
	seen, ok := ax.suppliers[b.Supplier.ID]
	if ok && seen.name != b.Supplier.Name {
		av.add(path("supplier.name"), b.Supplier.Name, "same-supplier", "supplier %s is already named %q", b.Supplier.ID, seen.name)
	} else if !ok {
		seen = supplierSeen{name: b.Supplier.Name, num: uint32(len(ax.suppliers))}
		ax.suppliers[b.Supplier.ID] = seen
	}
	key := uint64(seen.num)<<32 | uint64(ax.lotNum(b.Lot))
	if other, dup := ax.supplierLot[key]; dup {
		av.add(path("supplier.id"), b.Supplier.ID, "one-bid-per-lot", "supplier already bid for lot %s in bid %s", b.Lot, bids[other].ID)
	} else {
		ax.supplierLot[key] = int32(i)
	}
}
