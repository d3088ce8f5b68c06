package score

import (
	"fmt"

	"github.com/tenderscore/tenderscore/criteria"
)

// This file checks the tender as a whole: its lots, their values and the
// living wage rates its lots need on the day it commenced.

func (v *validation) tender(t Tender) {
	v.structTags("", t)
	v.unstatedFields(t) // unstated.go
	seen := map[string]int{}
	for i, l := range t.Lots {
		path := fmt.Sprintf("lots[%d]", i)
		v.ident(path+".id", l.ID)
		if l.ID != "" {
			if j, dup := seen[l.ID]; dup {
				v.add(path+".id", l.ID, "unique", "lot id already used by lots[%d]", j)
			} else {
				seen[l.ID] = i
			}
		}
		v.policy(path+".policy", l.Policy)
		v.livingWage(t, path+".policy", l.Policy)
	}
	if t.LivingWageRates != nil {
		v.addAll("livingWageRates", t.LivingWageRates.Validate())
	}
}

// livingWage checks what a lot's living wage rules need from the tender:
// a rate in force on the day the procurement commenced, and a price for
// social value read as a share of it.
func (v *validation) livingWage(t Tender, path string, p Policy) {
	if t.Commenced.IsZero() {
		return // reported already
	}
	rates := t.Rates()
	for i, g := range p.LivingWageGates {
		if len(g.Validate()) > 0 {
			continue
		}
		if _, err := g.Rate(rates, t.Commenced); err != nil {
			v.add(fmt.Sprintf("%s.livingWageGates[%d]", path, i), string(g.Region), "rate-in-force", "no living wage rate applies on %s: %v", t.Commenced, err)
		}
	}
	tr := buildTree(&p)
	for _, n := range tr.leaves {
		if lw := n.c.LivingWage; lw != nil && lw.Method == criteria.ScoreHourlyRate && len(lw.Validate()) == 0 {
			if _, err := rates.ForRegion(lw.Region, t.Commenced, lw.Rule); err != nil {
				v.add(path+"."+n.path+".livingWage", string(lw.Region), "rate-in-force", "no living wage rate applies on %s: %v", t.Commenced, err)
			}
		}
		if sv := n.c.SocialValue; sv != nil && sv.NeedsBidPrice() && len(tr.priceLeaves()) == 0 {
			v.add(path+"."+n.path+".socialValue.per", string(sv.Per), "needs-price", "social value as a share of the bid price needs a price criterion in the policy")
		}
	}
}
