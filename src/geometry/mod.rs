//! Geometry free of any UI: the projection, and the projected, triangulated map shapes.

mod projection;
mod shapes;

pub use projection::{Albers, MapPoint, MapRect, distance_km};
pub use shapes::{AreaShape, MapGeometry, RiverShape};
