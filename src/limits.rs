//! Size limits that turn an absurd framework or assessment into an error instead of an
//! out-of-memory or an endless computation.
//!
//! The limits are generous for real career frameworks (which have tens of skills) while
//! leaving room for synthetic stress frameworks of 100,000 skills.

/// The largest framework or assessment text accepted, in bytes (64 MiB). Files are read
/// through a reader that stops at this limit.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// The most skills a framework may have.
pub const MAX_SKILLS: usize = 100_000;
/// The most levels a framework may have.
pub const MAX_LEVELS: usize = 64;
/// The most steps a framework may have.
pub const MAX_STEPS: usize = 100_000;
/// The most training options a framework may have.
pub const MAX_TRAINING: usize = 256;
/// The most different fixed paces (`hours_per_week`) among a framework's training options.
/// Plan times are exact fractions of a week over the least common multiple of every pace in
/// play; this bound keeps that multiple, and so every time, within 128-bit integers.
pub const MAX_FIXED_PACES: usize = 8;
/// The most entries of a short list: responsibilities, hiring industries, a step's actions,
/// prerequisites and training options, an industry's employers, evidence items of a rating.
pub const MAX_LIST: usize = 1_000;
/// The longest text (a name, summary, description, descriptor or action), in bytes.
pub const MAX_TEXT_LEN: usize = 10_000;
/// The most hours one step may take.
pub const MAX_STEP_HOURS: u32 = 100_000;
/// The most hours in a week: the bound of every pace.
pub const MAX_HOURS_PER_WEEK: u32 = 168;
/// The most study hours a week a deadline may ask for before it counts as not feasible.
pub const MAX_STUDY_HOURS_PER_WEEK: u32 = 40;
/// The most years of experience an assessment may state.
pub const MAX_EXPERIENCE_YEARS: f64 = 70.0;
/// The longest deadline, in weeks (20 years).
pub const MAX_DEADLINE_WEEKS: u32 = 1_040;
/// The largest skill weight. Weights are held exactly as thousandths, so sums of weight ×
/// points stay far from overflow.
pub const MAX_WEIGHT: u32 = 1_000_000;
/// The most points one proficiency may be worth in a points table.
pub const MAX_POINTS: u32 = 10_000;
