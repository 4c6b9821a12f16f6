//! The TypeScript types of the IPC, generated from the Rust types the shell
//! sends and receives. `ui/src/lib/bindings.ts` is this output, committed;
//! a test fails when it is stale (`WIEG_UPDATE_BINDINGS=1 cargo test`
//! rewrites it).

use ts_rs::TS;

use crate::*;

/// Every declared entity's name and fields, for [`fields`].
const DECLARED: &[(&str, &[schema::FieldInfo])] = &[
    (coalition::COALITION.name, Coalition::FIELDS),
    (network::ORGANISATION.name, Organisation::FIELDS),
    (network::MUNICIPALITY.name, Municipality::FIELDS),
    (network::CONTACT.name, Contact::FIELDS),
    (network::RELATION.name, Relation::FIELDS),
    (plan::PLAN.name, plan::Plan::FIELDS),
    (plan::PILLAR.name, plan::Pillar::FIELDS),
    (plan::GOAL.name, plan::Goal::FIELDS),
    (plan::ACTION.name, plan::Action::FIELDS),
    (plan::MILESTONE.name, plan::Milestone::FIELDS),
    (plan::ACTION_NOTE.name, plan::ActionNote::FIELDS),
    (plan::FUNDING.name, plan::Funding::FIELDS),
    (plan::SPENDING.name, plan::Spending::FIELDS),
    (plan::GOAL_TARGET.name, plan::GoalTarget::FIELDS),
    (plan::INDICATOR.name, plan::Indicator::FIELDS),
    (plan::PARENT_GROUP.name, plan::ParentGroup::FIELDS),
    (plan::PARENT_GROUP_YEAR.name, plan::ParentGroupYear::FIELDS),
    (plan::GATHERING.name, plan::Gathering::FIELDS),
    (plan::GATHERING_TURNOUT.name, plan::GatheringTurnout::FIELDS),
    (plan::INDICATOR_VALUE.name, plan::IndicatorValue::FIELDS),
    (plan::INTERVENTION.name, plan::Intervention::FIELDS),
    (plan::ROLLOUT.name, plan::Rollout::FIELDS),
    (outreach::UPDATE_ROUND.name, outreach::UpdateRound::FIELDS),
    (meetings::MEETING.name, meetings::Meeting::FIELDS),
    (
        meetings::MEETING_ATTENDEE.name,
        meetings::MeetingAttendee::FIELDS,
    ),
    (meetings::AGENDA_ITEM.name, meetings::AgendaItem::FIELDS),
    (meetings::DECISION.name, meetings::Decision::FIELDS),
    (meetings::ACTION_ITEM.name, meetings::ActionItem::FIELDS),
];

/// A choice's name in TypeScript, and its codes with their Dutch and
/// English labels.
type Choices = (String, Vec<(&'static str, [&'static str; 2])>);

/// The choices a coordinator reads, with the labels declared beside them.
fn choices() -> Vec<Choices> {
    fn of<T: schema::Vocabulary + TS>() -> Choices {
        let cfg = ts_rs::Config::new();
        (
            T::ident(&cfg),
            T::ALL.iter().map(|c| (c.code(), c.labels())).collect(),
        )
    }
    vec![
        of::<network::OrgKind>(),
        of::<network::Domain>(),
        of::<network::CoalitionStatus>(),
        of::<network::RelationKind>(),
        of::<network::CoalitionRole>(),
        of::<network::LegalBasis>(),
        of::<plan::PlanStatus>(),
        of::<plan::ActionStatus>(),
        of::<plan::RolloutStatus>(),
        of::<plan::ActionLine>(),
        of::<plan::NationalGoal>(),
        of::<plan::FunderKind>(),
        of::<plan::ReportingState>(),
        of::<plan::SpendingState>(),
        of::<plan::GrantFlag>(),
        of::<plan::ReportDue>(),
        of::<plan::TargetMeasure>(),
        of::<plan::GroupKind>(),
        of::<plan::GatheringKind>(),
        of::<outreach::ReturnState>(),
        of::<dashboard::AttentionKind>(),
        of::<meetings::MeetingKind>(),
        of::<meetings::MeetingStatus>(),
        of::<meetings::Attendance>(),
        of::<meetings::FollowUp>(),
        of::<meetings::ActionItemStatus>(),
    ]
}

/// `ui/src/lib/fields.ts`: what the forms know of each declared field (is
/// it required, how long may it be) and what a coordinator calls it, as
/// `field.<entity>.<field>` messages the UI's dictionary takes in.
pub fn fields() -> String {
    let mut limits = String::new();
    let mut labels = [String::new(), String::new()];
    for (entity, fields) in DECLARED {
        for field in *fields {
            let max = field.max.map_or("null".to_string(), |m| m.to_string());
            limits.push_str(&format!(
                "  '{entity}.{}': {{ required: {}, max: {max} }},\n",
                field.name, field.required
            ));
            for (out, label) in labels.iter_mut().zip([field.nl, field.en]) {
                out.push_str(&format!(
                    "    'field.{entity}.{}': {},\n",
                    field.name,
                    serde_json::to_string(label).expect("a label is text")
                ));
            }
        }
    }
    let [nl, en] = labels;
    let mut choice_labels = [String::new(), String::new()];
    for (name, values) in choices() {
        for (lang, out) in choice_labels.iter_mut().enumerate() {
            out.push_str(&format!("    {name}: {{\n"));
            for (code, labels) in &values {
                out.push_str(&format!(
                    "      {}: {},\n",
                    serde_json::to_string(code).expect("a code is text"),
                    serde_json::to_string(labels[lang]).expect("a label is text")
                ));
            }
            out.push_str("    },\n");
        }
    }
    let [choices_nl, choices_en] = choice_labels;
    format!(
        "// Generated from the entity declarations in src/ by `WIEG_UPDATE_BINDINGS=1 cargo test`. Do not edit.\n\n\
         /** Per declared field: must it be filled in, and the most characters it takes. */\n\
         export const FIELDS = {{\n{limits}}} as const;\n\n\
         /** What a coordinator calls each declared field. */\n\
         export const FIELD_LABELS = {{\n  nl: {{\n{nl}  }},\n  en: {{\n{en}  }},\n}} as const;\n\n\
         /** What a coordinator reads for each stored choice. */\n\
         export const CHOICE_LABELS = {{\n  nl: {{\n{choices_nl}  }},\n  en: {{\n{choices_en}  }},\n}} as const;\n"
    )
}

/// The whole bindings file.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::new();
    let decls = [
        ErrorKind::decl(&cfg),
        ValidationCode::decl(&cfg),
        ValidationError::decl(&cfg),
        ErrorPayload::decl(&cfg),
        Replica::decl(&cfg),
        Coalition::decl(&cfg),
        CoalitionInput::decl(&cfg),
        AppStatus::decl(&cfg),
        OrgKind::decl(&cfg),
        Domain::decl(&cfg),
        CoalitionStatus::decl(&cfg),
        Organisation::decl(&cfg),
        OrganisationInput::decl(&cfg),
        OrganisationDetail::decl(&cfg),
        OrganisationFilter::decl(&cfg),
        Municipality::decl(&cfg),
        MunicipalityInput::decl(&cfg),
        RelationKind::decl(&cfg),
        Relation::decl(&cfg),
        RelationInput::decl(&cfg),
        CoalitionRole::decl(&cfg),
        LegalBasis::decl(&cfg),
        Contact::decl(&cfg),
        ContactInput::decl(&cfg),
        ContactFilter::decl(&cfg),
        ContactChange::decl(&cfg),
        ContactInzage::decl(&cfg),
        import::ImportKind::decl(&cfg),
        import::RowAction::decl(&cfg),
        import::ImportColumn::decl(&cfg),
        import::ImportSheet::decl(&cfg),
        import::ImportRow::decl(&cfg),
        import::ImportPreview::decl(&cfg),
        import::ImportRecord::decl(&cfg),
        import::ImportDone::decl(&cfg),
        import::UndoReport::decl(&cfg),
        outreach::UpdateRound::decl(&cfg),
        outreach::RoundStart::decl(&cfg),
        outreach::RoundOverview::decl(&cfg),
        outreach::RoundPartnerStatus::decl(&cfg),
        outreach::Confirmation::decl(&cfg),
        outreach::ReturnState::decl(&cfg),
        outreach::ReturnField::decl(&cfg),
        outreach::ReturnRow::decl(&cfg),
        outreach::RoundReturn::decl(&cfg),
        outreach::RoundAccepted::decl(&cfg),
        outreach::Recipient::decl(&cfg),
        outreach::Draft::decl(&cfg),
        outreach::FollowUpDraft::decl(&cfg),
        dashboard::AttentionKind::decl(&cfg),
        dashboard::Attention::decl(&cfg),
        plan::PlanStatus::decl(&cfg),
        plan::NationalGoal::decl(&cfg),
        plan::PillarGoals::decl(&cfg),
        plan::ActionPage::decl(&cfg),
        plan::IndicatorPage::decl(&cfg),
        plan::Plan::decl(&cfg),
        plan::PlanInput::decl(&cfg),
        plan::Pillar::decl(&cfg),
        plan::PillarInput::decl(&cfg),
        plan::Goal::decl(&cfg),
        plan::GoalInput::decl(&cfg),
        plan::ActionStatus::decl(&cfg),
        plan::Milestone::decl(&cfg),
        plan::MilestoneInput::decl(&cfg),
        plan::ActionNote::decl(&cfg),
        plan::ActionNoteInput::decl(&cfg),
        plan::Action::decl(&cfg),
        plan::ActionInput::decl(&cfg),
        plan::ActionFilter::decl(&cfg),
        plan::ActionLine::decl(&cfg),
        plan::RolloutStatus::decl(&cfg),
        plan::Intervention::decl(&cfg),
        plan::InterventionInput::decl(&cfg),
        plan::Rollout::decl(&cfg),
        plan::RolloutInput::decl(&cfg),
        plan::MatrixMunicipality::decl(&cfg),
        plan::MatrixIntervention::decl(&cfg),
        plan::RolloutMatrix::decl(&cfg),
        plan::StatusCount::decl(&cfg),
        plan::PillarOverview::decl(&cfg),
        plan::PlanOverview::decl(&cfg),
        plan::PillarCount::decl(&cfg),
        plan::PlanSummary::decl(&cfg),
        crate::dashboard::ActionItemCounts::decl(&cfg),
        crate::dashboard::Dashboard::decl(&cfg),
        plan::FunderKind::decl(&cfg),
        plan::Funding::decl(&cfg),
        plan::FundingInput::decl(&cfg),
        plan::PillarMoney::decl(&cfg),
        plan::FunderMoney::decl(&cfg),
        plan::FundingOverview::decl(&cfg),
        plan::ReportingState::decl(&cfg),
        plan::SpendingState::decl(&cfg),
        plan::GrantFlag::decl(&cfg),
        plan::ReportDue::decl(&cfg),
        plan::Spending::decl(&cfg),
        plan::SpendingInput::decl(&cfg),
        plan::SpendingFilter::decl(&cfg),
        plan::SpendingPage::decl(&cfg),
        plan::GrantBalance::decl(&cfg),
        plan::TargetMeasure::decl(&cfg),
        plan::GoalTarget::decl(&cfg),
        plan::GoalTargetInput::decl(&cfg),
        plan::TargetProgress::decl(&cfg),
        plan::GroupKind::decl(&cfg),
        plan::ParentGroup::decl(&cfg),
        plan::ParentGroupInput::decl(&cfg),
        plan::ParentGroupYear::decl(&cfg),
        plan::ParentGroupYearInput::decl(&cfg),
        plan::GroupCounts::decl(&cfg),
        plan::GroupSummary::decl(&cfg),
        plan::GatheringKind::decl(&cfg),
        plan::Gathering::decl(&cfg),
        plan::GatheringInput::decl(&cfg),
        plan::TurnoutInput::decl(&cfg),
        plan::Turnout::decl(&cfg),
        plan::DomainTurnout::decl(&cfg),
        plan::Trained::decl(&cfg),
        plan::Period::decl(&cfg),
        plan::Participation::decl(&cfg),
        plan::Indicator::decl(&cfg),
        plan::IndicatorInput::decl(&cfg),
        plan::MonitorIndicator::decl(&cfg),
        plan::IndicatorValueInput::decl(&cfg),
        plan::IndicatorPoint::decl(&cfg),
        plan::MunicipalitySeries::decl(&cfg),
        plan::IndicatorSeries::decl(&cfg),
        meetings::MeetingKind::decl(&cfg),
        meetings::MeetingStatus::decl(&cfg),
        meetings::Attendance::decl(&cfg),
        meetings::FollowUp::decl(&cfg),
        meetings::ActionItemStatus::decl(&cfg),
        meetings::Meeting::decl(&cfg),
        meetings::MeetingInput::decl(&cfg),
        meetings::Attendee::decl(&cfg),
        meetings::AgendaItem::decl(&cfg),
        meetings::AgendaItemInput::decl(&cfg),
        meetings::Decision::decl(&cfg),
        meetings::DecisionInput::decl(&cfg),
        meetings::ActionItem::decl(&cfg),
        meetings::ActionItemFilter::decl(&cfg),
        meetings::ActionItemInput::decl(&cfg),
        export::ExportFormat::decl(&cfg),
        export::ExportRequest::decl(&cfg),
        export::RestoreReport::decl(&cfg),
        meetings::MeetingDetail::decl(&cfg),
        meetings::MeetingPage::decl(&cfg),
        meetings::SearchHit::decl(&cfg),
        BridgeBuilder::decl(&cfg),
        NetworkMetrics::decl(&cfg),
        network::MapGraphInput::decl(&cfg),
        network::MapPosition::decl(&cfg),
        GrowthPoint::decl(&cfg),
        DomainCount::decl(&cfg),
        NetworkSummary::decl(&cfg),
        Conflict::decl(&cfg),
        ConflictView::decl(&cfg),
        RacedEdit::decl(&cfg),
        RacedDelete::decl(&cfg),
        SkipKind::decl(&cfg),
        SkippedFile::decl(&cfg),
        SyncReport::decl(&cfg),
        KnownReplica::decl(&cfg),
        SyncStatus::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src/ by `WIEG_UPDATE_BINDINGS=1 cargo test`. Do not edit.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
