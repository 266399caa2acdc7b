//! Windows only: the binary is a GUI program (`windows_subsystem = "windows"`), so opening the window
//! from Explorer or the Start menu shows no console behind it. A command typed in a terminal
//! (`release-desk.exe --db x list`) must still print there: at start, when standard output or error
//! has no handle (nothing redirected them), the program attaches to its parent's console and opens
//! `CONOUT$`/`CONIN$` for the missing handles. Output already redirected to a file or a pipe is left
//! as it is. Started without a parent console, nothing changes and nothing is printed anywhere.
//!
//! The only `unsafe` code in the program: four kernel32 calls, each checked.

#![allow(unsafe_code)]

use std::ffi::c_void;

type Handle = *mut c_void;

const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
const STD_INPUT_HANDLE: u32 = -10_i32 as u32;
const STD_OUTPUT_HANDLE: u32 = -11_i32 as u32;
const STD_ERROR_HANDLE: u32 = -12_i32 as u32;
const GENERIC_READ: u32 = 0x8000_0000;
const GENERIC_WRITE: u32 = 0x4000_0000;
const FILE_SHARE_READ: u32 = 0x1;
const FILE_SHARE_WRITE: u32 = 0x2;
const OPEN_EXISTING: u32 = 3;

#[link(name = "kernel32")]
unsafe extern "system" {
    fn AttachConsole(process_id: u32) -> i32;
    fn GetStdHandle(which: u32) -> Handle;
    fn SetStdHandle(which: u32, handle: Handle) -> i32;
    fn CreateFileW(
        name: *const u16,
        access: u32,
        share: u32,
        security: *mut c_void,
        disposition: u32,
        flags: u32,
        template: Handle,
    ) -> Handle;
}

fn is_missing(handle: Handle) -> bool {
    // INVALID_HANDLE_VALUE is -1; a GUI program started without redirection gets null.
    handle.is_null() || handle as isize == -1
}

fn std_handle_missing(which: u32) -> bool {
    // SAFETY: GetStdHandle takes a constant and returns a handle or null; it has no preconditions.
    is_missing(unsafe { GetStdHandle(which) })
}

/// Attaches to the parent's console when standard output or error goes nowhere (see the module doc).
pub fn attach_parent_console() {
    if !std_handle_missing(STD_OUTPUT_HANDLE) && !std_handle_missing(STD_ERROR_HANDLE) {
        return;
    }
    // SAFETY: a plain call with a constant; it fails (returns 0) when there is no parent console.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return;
    }
    for (which, device) in
        [(STD_OUTPUT_HANDLE, "CONOUT$"), (STD_ERROR_HANDLE, "CONOUT$"), (STD_INPUT_HANDLE, "CONIN$")]
    {
        if !std_handle_missing(which) {
            continue;
        }
        let name: Vec<u16> = device.encode_utf16().chain(std::iter::once(0)).collect();
        // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call; the null
        // pointers are the documented "none" values for security attributes and template.
        let handle = unsafe {
            CreateFileW(
                name.as_ptr(),
                GENERIC_READ | GENERIC_WRITE,
                FILE_SHARE_READ | FILE_SHARE_WRITE,
                std::ptr::null_mut(),
                OPEN_EXISTING,
                0,
                std::ptr::null_mut(),
            )
        };
        if is_missing(handle) {
            continue;
        }
        // SAFETY: `handle` is a console handle just opened; the process keeps it for its lifetime.
        // A failure leaves the old (missing) handle, so the output goes nowhere as before.
        unsafe {
            SetStdHandle(which, handle);
        }
    }
}
