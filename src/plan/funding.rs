//! Funding (*financiering*): grants from municipalities, the province, the
//! state (SPUK), health insurers and funds, linked to the actions they pay
//! for; and what was granted against what was budgeted, per pillar.
//!
//! A grant linked to several actions is shared among them in proportion to
//! their budgets (evenly when none has a budget), in whole cents: the cents
//! left over by rounding go to the largest remainders, so the shares always
//! add up to the grant.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::actions::ACTION;
use super::spending::GrantBalance;
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::rows;
use crate::schema::{entity, require_living, Choice, Date, Moment, Money, Text};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

pub const FUNDING_ACTION: EntitySpec = EntitySpec {
    name: "funding_action",
    table: "funding_actions",
    fields: &["funding", "action", "deleted", "deleted_seen"],
};

const FUNDED: Membership = Membership {
    spec: &FUNDING_ACTION,
    owner: "funding",
    member: "action",
    member_table: "actions",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6675_6e64),
};

dutch_choice!(
    /// Who gives the money (a kind from a newer version reads as "anders").
    #[derive(Default)]
    FunderKind {
        Gemeente = "gemeente" ["Gemeente", "Municipality"],
        Provincie = "provincie" ["Provincie", "Province"],
        Rijk = "rijk/spuk" ["Rijk (SPUK)", "National government (SPUK)"],
        Zorgverzekeraar = "zorgverzekeraar" ["Zorgverzekeraar", "Health insurer"],
        Fonds = "fonds" ["Fonds", "Foundation"],
        #[default]
        Anders = "anders" ["Anders", "Other"],
    }
);

dutch_choice!(
    /// Where the report to the funder (*verantwoording*) stands (a state
    /// from a newer version reads as "open").
    #[derive(Default)]
    ReportingState {
        #[default]
        Open = "open" ["Nog te doen", "To do"],
        Ingediend = "ingediend" ["Ingediend", "Submitted"],
        Vastgesteld = "vastgesteld" ["Vastgesteld", "Approved"],
    }
);

impl ReportingState {
    /// Handed in: its deadline no longer needs a reminder.
    pub fn is_handed_in(self) -> bool {
        self != ReportingState::Open
    }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Funding in FUNDING = "funding", "fundings";
    input FundingInput => FundingChecked {
        /// The actions it pays for (exactly these), saved in the same transaction.
        #[ts(optional)]
        actions: Option<Vec<Uuid>>,
    }
    fields {
        funder_kind: FunderKind = Choice<FunderKind> ["Soort financier", "Kind of funder"]
            required "kies wie de financiering geeft",
        /// Who exactly ("Provincie Limburg", "Gemeente Venlo").
        funder: String = Text<200> ["Financier", "Funder"] required "vul de naam van de financier in",
        /// The input calls it `amount`: euros as typed (`130.680`, `€ 1.250,50`).
        amount_cents: i64 = Money ["Bedrag", "Amount"] required "vul het toegekende bedrag in"
            input "amount",
        period_start: Option<NaiveDate> = Date ["Begindatum", "Start date"],
        period_end: Option<NaiveDate> = Date ["Einddatum", "End date"],
        purpose: String = Text<5000> ["Doel", "Purpose"],
        reporting_deadline: Option<NaiveDate> = Date ["Verantwoording uiterlijk", "Report due"],
        reporting_state: ReportingState = Choice<ReportingState>
            ["Stand verantwoording", "Report state"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {
        /// The actions it pays for.
        actions: Vec<Uuid>,
    }
    hidden { deleted, deleted_seen }
}

/// Granted against budgeted and spent, per grant, per pillar and per kind
/// of funder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FundingOverview {
    pub fundings: Vec<Funding>,
    /// Each grant with what was paid and committed on it, and what is left.
    pub grants: Vec<GrantBalance>,
    pub pillars: Vec<PillarMoney>,
    /// Granted but not (yet) linked to any action of this plan.
    pub unallocated_cents: i64,
    pub granted_cents: i64,
    pub budgeted_cents: i64,
    pub paid_cents: i64,
    pub committed_cents: i64,
    pub by_funder: Vec<FunderMoney>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PillarMoney {
    pub pillar: Uuid,
    pub number: u32,
    pub title: String,
    pub budgeted_cents: i64,
    pub granted_cents: i64,
    /// Paid and committed on the pillar's actions.
    pub paid_cents: i64,
    pub committed_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FunderMoney {
    pub funder_kind: FunderKind,
    pub granted_cents: i64,
}

/// Share `amount` over `weights` in whole cents, in proportion (evenly when
/// all weights are zero); the rounding's leftover cents go to the largest
/// remainders, earliest first. The shares add up to `amount`.
pub fn share_cents(amount: i64, weights: &[i64]) -> Vec<i64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let weights: Vec<i128> = if weights.iter().all(|w| *w <= 0) {
        vec![1; weights.len()]
    } else {
        weights.iter().map(|w| i128::from((*w).max(0))).collect()
    };
    let total: i128 = weights.iter().sum();
    let amount = i128::from(amount);
    let mut shares: Vec<i128> = weights.iter().map(|w| amount * w / total).collect();
    let mut leftover = amount - shares.iter().sum::<i128>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(amount * weights[i] % total), i));
    for &i in order.iter().cycle().take(weights.len() * 2) {
        if leftover == 0 {
            break;
        }
        shares[i] += leftover.signum();
        leftover -= leftover.signum();
    }
    shares.into_iter().map(|s| s as i64).collect()
}

fn write_funding(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Funding>,
    input: &FundingInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    let amount = fields
        .amount_cents
        .or(before.map(|b| b.amount_cents))
        .unwrap_or_default();
    if amount == 0 {
        return Err(Error::validation(
            "amount",
            ValidationCode::Required,
            "vul het toegekende bedrag in",
        ));
    }
    validate::date_order(
        "period_end",
        fields
            .period_start
            .unwrap_or(before.and_then(|b| b.period_start)),
        fields
            .period_end
            .unwrap_or(before.and_then(|b| b.period_end)),
    )?;
    fields.write(w, id)?;
    if let Some(actions) = &input.actions {
        for a in actions {
            require_living(w.conn(), &ACTION, "actions", *a, "actie")?;
        }
        FUNDED.set_in(w, id, actions)?;
    }
    Ok(())
}

pub(crate) fn create_funding_in(w: &mut Writer, input: &FundingInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_funding(w, id, None, input)?;
    w.set(&FUNDING, id, "created_at", iso(w.now()))?;
    w.set(&FUNDING, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_funding(&mut self, input: &FundingInput) -> Result<Funding> {
        self.require_coalition()?;
        let id = self.write(|w| create_funding_in(w, input))?;
        self.funding(id)
    }

    pub fn update_funding(&mut self, id: Uuid, input: &FundingInput) -> Result<Funding> {
        let before = self.funding(id)?;
        self.write(|w| write_funding(w, id, Some(&before), input))?;
        self.funding(id)
    }

    pub fn delete_funding(&mut self, id: Uuid) -> Result<()> {
        self.funding(id)?;
        self.write(|w| w.set_deleted(&FUNDING, id, true).map(drop))
    }

    pub fn funding(&self, id: Uuid) -> Result<Funding> {
        let mut funding = rows::by_id(
            self.conn(),
            Funding::SELECT,
            id,
            "financiering",
            Funding::read,
        )?;
        funding.actions = FUNDED
            .of(self.conn(), &[id])?
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .collect();
        Ok(funding)
    }

    /// Every grant, the largest first.
    pub fn list_fundings(&self) -> Result<Vec<Funding>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' ORDER BY amount_cents DESC, id",
            Funding::SELECT
        ))?;
        let mut list: Vec<Funding> = stmt
            .query_map([], Funding::read)?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<Uuid> = list.iter().map(|f| f.id).collect();
        let mut linked = FUNDED.of(self.conn(), &ids)?;
        for f in &mut list {
            f.actions = linked
                .remove(&f.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
        }
        Ok(list)
    }

    /// Granted against budgeted and spent for a plan's pillars and grants.
    pub fn funding_overview(&self, plan: Uuid) -> Result<FundingOverview> {
        let grants = self.grant_balances()?;
        let fundings: Vec<Funding> = grants.iter().map(|g| g.funding.clone()).collect();
        let spent = self.spent_per_action()?;
        let actions = self.list_actions(&super::ActionFilter {
            plan: Some(plan),
            ..Default::default()
        })?;
        let pillar_of: HashMap<Uuid, (Uuid, i64)> = actions
            .iter()
            .map(|a| (a.id, (a.pillar, a.budget_cents)))
            .collect();
        let mut granted: HashMap<Uuid, i64> = HashMap::new();
        let mut unallocated = 0;
        for f in &fundings {
            let linked: Vec<(Uuid, i64)> = f
                .actions
                .iter()
                .filter_map(|a| pillar_of.get(a).copied())
                .collect();
            if linked.is_empty() {
                unallocated += f.amount_cents;
                continue;
            }
            let weights: Vec<i64> = linked.iter().map(|(_, budget)| *budget).collect();
            for ((pillar, _), share) in linked.iter().zip(share_cents(f.amount_cents, &weights)) {
                *granted.entry(*pillar).or_default() += share;
            }
        }
        let pillars: Vec<PillarMoney> = self
            .pillars(plan)?
            .into_iter()
            .map(|p| {
                let of_pillar = || actions.iter().filter(|a| a.pillar == p.id);
                let spent_on = |pick: fn(&(i64, i64)) -> i64| -> i64 {
                    of_pillar().filter_map(|a| spent.get(&a.id)).map(pick).sum()
                };
                PillarMoney {
                    budgeted_cents: of_pillar().map(|a| a.budget_cents).sum(),
                    paid_cents: spent_on(|s| s.0),
                    committed_cents: spent_on(|s| s.1),
                    granted_cents: granted.get(&p.id).copied().unwrap_or_default(),
                    pillar: p.id,
                    number: p.number,
                    title: p.title,
                }
            })
            .collect();
        let by_funder = FunderKind::ALL
            .iter()
            .map(|&kind| FunderMoney {
                funder_kind: kind,
                granted_cents: fundings
                    .iter()
                    .filter(|f| f.funder_kind == kind)
                    .map(|f| f.amount_cents)
                    .sum(),
            })
            .filter(|m| m.granted_cents > 0)
            .collect();
        Ok(FundingOverview {
            granted_cents: fundings.iter().map(|f| f.amount_cents).sum(),
            budgeted_cents: pillars.iter().map(|p| p.budgeted_cents).sum(),
            unallocated_cents: unallocated,
            paid_cents: grants.iter().map(|g| g.paid_cents).sum(),
            committed_cents: grants.iter().map(|g| g.committed_cents).sum(),
            fundings,
            grants,
            pillars,
            by_funder,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_grant_in_whole_cents() {
        assert_eq!(share_cents(100, &[1, 1, 1]), [34, 33, 33]);
        assert_eq!(share_cents(100, &[0, 0]), [50, 50]);
        assert_eq!(share_cents(1_000, &[300, 700]), [300, 700]);
        assert_eq!(
            share_cents(13_068_000, &[5_000_000, 2_500_000, 0]),
            [8_712_000, 4_356_000, 0]
        );
        assert_eq!(share_cents(7, &[1, 2]), [2, 5]);
        assert!(share_cents(5, &[]).is_empty());
        for (amount, weights) in [
            (99_999, vec![3, 7, 11, 13]),
            (1, vec![5, 5, 5]),
            (10, vec![0, 3, 0]),
        ] {
            assert_eq!(share_cents(amount, &weights).iter().sum::<i64>(), amount);
        }
    }
}
