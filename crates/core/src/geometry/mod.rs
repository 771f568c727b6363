//! Geometry free of any UI: the projection, and the projected, triangulated map shapes.

mod projection;
mod shapes;
mod simplify;

pub use projection::{Albers, MapPoint, MapRect, distance_km};
pub use shapes::{AreaShape, MapGeometry, Outline, RiverShape};
pub use simplify::Importance;
