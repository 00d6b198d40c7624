//! A serde serializer that builds Python objects directly, as `json.loads` would build them from
//! the JSON that `serde_json` writes for the same value: structs and maps become dicts, sequences
//! and tuples lists, `None` and non-finite floats `None`, an `f32` the float its JSON digits denote.
//!
//! It exists for speed: the contract of a news article is hundreds of small dicts, and making them
//! is most of what `extract_many` costs on the calling thread, where the GIL allows no parallelism.
//! Within a batch, field names are interned once, and short strings (ids, kinds, methods, cue
//! words), offsets and confidences are shared rather than allocated again. Going through
//! JSON text and `json.loads` took longer than the analysis itself.

use pyo3::BoundObject;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};

/// Strings up to this many bytes are shared between results (ids, kinds, "said", "he", units).
const SHARED_STRING_MAX: usize = 16;
/// Bounds the shared strings kept for one batch.
const SHARED_STRINGS_LIMIT: usize = 1 << 16;
/// Integers below this are shared (offsets in articles, counts).
const SHARED_INT_LIMIT: u64 = 1 << 16;

/// Python objects reused across the results of one batch. Holds no GIL lifetime, so it survives
/// the GIL being released between results.
#[derive(Default)]
pub struct ObjectCache {
    /// Field names by the address of their `&'static str`, interned.
    keys: FxHashMap<usize, Py<PyString>>,
    /// Short string values by content.
    values: FxHashMap<Box<str>, Py<PyString>>,
    /// Small integers by value, filled as they are met.
    ints: Vec<Option<Py<PyAny>>>,
    /// Floats written from an `f32` (confidences), by its bits.
    floats: FxHashMap<u32, Py<PyAny>>,
}

/// The address that identifies a `&'static str` name.
fn address(name: &'static str) -> usize {
    name.as_ptr() as usize
}

/// Converts `value` into Python objects.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    cache: &mut ObjectCache,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(&mut Builder { py, cache }).map_err(|e| e.0)
}

/// A Python error carried through serde.
#[derive(Debug)]
pub struct Error(PyErr);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

pub struct Builder<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut ObjectCache,
}

impl<'py> Builder<'_, 'py> {
    /// A field name, borrowed from the cache (setting an item then needs no reference count).
    fn key(&mut self, name: &'static str) -> &Bound<'py, PyString> {
        let py = self.py;
        self.cache
            .keys
            .entry(address(name))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyAny> {
        let py = self.py;
        if s.len() > SHARED_STRING_MAX {
            return PyString::new(py, s).into_any();
        }
        if let Some(shared) = self.cache.values.get(s) {
            return shared.bind(py).clone().into_any();
        }
        let new = PyString::new(py, s);
        if self.cache.values.len() < SHARED_STRINGS_LIMIT {
            self.cache.values.insert(s.into(), new.clone().unbind());
        }
        new.into_any()
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    /// A finite float, or `None` as serde_json writes `null` for NaN and infinities.
    fn float(&self, v: f64) -> Bound<'py, PyAny> {
        if v.is_finite() {
            PyFloat::new(self.py, v).into_any()
        } else {
            self.none()
        }
    }

    /// An unsigned integer, shared when small.
    fn uint(&mut self, v: u64) -> Result<Bound<'py, PyAny>, Error> {
        if v >= SHARED_INT_LIMIT {
            return self.int(v);
        }
        let i = v as usize;
        if self.cache.ints.len() <= i {
            self.cache.ints.resize_with(i + 1, || None);
        }
        if let Some(shared) = &self.cache.ints[i] {
            return Ok(shared.bind(self.py).clone());
        }
        let new = self.int(v)?;
        self.cache.ints[i] = Some(new.clone().unbind());
        Ok(new)
    }

    fn int<T>(&self, v: T) -> Result<Bound<'py, PyAny>, Error>
    where
        T: IntoPyObject<'py>,
        PyErr: From<T::Error>,
    {
        Ok(v.into_pyobject(self.py)
            .map_err(PyErr::from)?
            .into_any()
            .into_bound())
    }

    /// `{variant: value}`, serde_json's form of an enum variant with data.
    fn tagged(
        &mut self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Error> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.key(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'b, 'py> ser::Serializer for &'b mut Builder<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = ListBuilder<'a, 'b, 'py>;
    type SerializeTuple = ListBuilder<'a, 'b, 'py>;
    type SerializeTupleStruct = ListBuilder<'a, 'b, 'py>;
    type SerializeTupleVariant = ListBuilder<'a, 'b, 'py>;
    type SerializeMap = DictBuilder<'a, 'b, 'py>;
    type SerializeStruct = DictBuilder<'a, 'b, 'py>;
    type SerializeStructVariant = DictBuilder<'a, 'b, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        self.uint(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        if !v.is_finite() {
            return Ok(self.none());
        }
        if let Some(shared) = self.cache.floats.get(&v.to_bits()) {
            return Ok(shared.bind(self.py).clone());
        }
        // serde_json writes an f32 with its shortest digits ("0.95"); json.loads reads those
        // digits as the nearest f64 (0.95), not the f32's exact value (0.949999988…).
        let mut digits = ryu::Buffer::new();
        let exact = digits
            .format_finite(v)
            .parse::<f64>()
            .unwrap_or(f64::from(v));
        let new = self.float(exact);
        if self.cache.floats.len() < SHARED_STRINGS_LIMIT {
            self.cache.floats.insert(v.to_bits(), new.clone().unbind());
        }
        Ok(new)
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(self.float(v))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        Ok(self.string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(self.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        Ok(self.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Error> {
        Ok(self.none())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(self.string(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        let value = value.serialize(&mut *self)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(ListBuilder::new(self, len.unwrap_or(0), None))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        Ok(ListBuilder::new(self, len, None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Ok(ListBuilder::new(self, len, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(ListBuilder::new(self, len, Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(DictBuilder::new(self, None))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Ok(DictBuilder::new(self, None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Ok(DictBuilder::new(self, Some(variant)))
    }
}

/// A list being filled; `variant` wraps it as `{variant: [...]}` at the end.
pub struct ListBuilder<'a, 'b, 'py> {
    builder: &'b mut Builder<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'b, 'py> ListBuilder<'a, 'b, 'py> {
    fn new(builder: &'b mut Builder<'a, 'py>, len: usize, variant: Option<&'static str>) -> Self {
        ListBuilder {
            builder,
            items: Vec::with_capacity(len),
            variant,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(&mut *self.builder)?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        let list = PyList::new(self.builder.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.builder.tagged(variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for ListBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for ListBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for ListBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for ListBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

/// A dict being filled; `variant` wraps it as `{variant: {...}}` at the end.
pub struct DictBuilder<'a, 'b, 'py> {
    builder: &'b mut Builder<'a, 'py>,
    dict: Bound<'py, PyDict>,
    /// A map key waiting for its value.
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'b, 'py> DictBuilder<'a, 'b, 'py> {
    fn new(builder: &'b mut Builder<'a, 'py>, variant: Option<&'static str>) -> Self {
        let dict = PyDict::new(builder.py);
        DictBuilder {
            builder,
            dict,
            key: None,
            variant,
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        let value = value.serialize(&mut *self.builder)?;
        self.dict.set_item(self.builder.key(name), value)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.builder.tagged(variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeStruct for DictBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(name, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for DictBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(name, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for DictBuilder<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let key = key.serialize(&mut *self.builder)?;
        // JSON keys are strings: serde_json writes a number key as its digits.
        let key = if key.is_instance_of::<PyString>() {
            key
        } else {
            key.str()?.into_any()
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let value = value.serialize(&mut *self.builder)?;
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value came without its key"))?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}
