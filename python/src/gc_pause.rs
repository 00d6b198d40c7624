//! Pauses Python's cyclic garbage collector while a batch's results are built.
//!
//! Every dict and list counts towards the collector's thresholds, so building the results of a
//! corpus (hundreds of thousands of dicts) ran a collection every few hundred of them, each
//! traversing the results built so far: a sixth of the whole run. The results cannot form
//! cycles, so nothing is lost by not looking for them until the batch is done.

use pyo3::prelude::*;

/// Disables the collector until dropped, then enables it again if it was enabled.
pub struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Enabling cannot fail; if it somehow did, Python reports it as unraisable.
            if let Err(e) = gc.call_method0("enable") {
                e.write_unraisable(gc.py(), None);
            }
        }
    }
}
