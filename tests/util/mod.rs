//! Helpers the test files share: loading a framework, planning, and the plan read back as
//! plain tuples that hand-checked expectations compare against.
//!
//! Each test file includes this module with `mod util;` and uses what it needs.
#![allow(dead_code)] // every test file is its own crate and uses only part of this

use skillgauge::{Framework, Plan, PlanItem};

/// A framework from TOML text; the test fails, naming the error, when it does not load.
#[track_caller]
pub fn framework(toml: &str) -> Framework {
    Framework::from_toml(toml).unwrap_or_else(|e| panic!("framework does not load: {e}"))
}

/// The plan for a JSON assessment; the test fails, naming the error, when it is refused.
#[track_caller]
pub fn plan_of(framework: &Framework, json: &str) -> Plan {
    framework
        .assess_json(json)
        .unwrap_or_else(|e| panic!("assessment fails: {e}"))
        .plan
}

/// The plan's steps, in plan order.
pub fn steps(plan: &Plan) -> Vec<&str> {
    plan.items.iter().map(|i| i.step.as_str()).collect()
}

/// Each item as (step, start week, end week).
pub fn weeks(plan: &Plan) -> Vec<(&str, u64, u64)> {
    plan.items
        .iter()
        .map(|i| (i.step.as_str(), i.start_week, i.end_week))
        .collect()
}

/// Milestones as (level, step, week).
pub fn milestones(plan: &Plan) -> Vec<(&str, &str, u64)> {
    plan.milestones
        .iter()
        .map(|m| (m.level.as_str(), m.step.as_str(), m.week))
        .collect()
}

/// The plan's item for `step`; the test fails when the step is not planned.
#[track_caller]
pub fn item<'a>(plan: &'a Plan, step: &str) -> &'a PlanItem {
    plan.items
        .iter()
        .find(|i| i.step == step)
        .unwrap_or_else(|| panic!("{step} is not in the plan"))
}
