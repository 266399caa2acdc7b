/* For the Wine check in .ci/package only, never shipped: Rust's standard library takes its random
 * numbers from ProcessPrng in bcryptprimitives.dll (Windows 10 and later have it), and Debian's
 * Wine 8 lacks that DLL, so the .exe would not start under it. This stand-in exports the one
 * function on top of RtlGenRandom (advapi32's SystemFunction036) and is put beside the unzipped
 * .exe for the check, not into the zip. */
#include <windows.h>
#define RtlGenRandom SystemFunction036
BOOLEAN WINAPI RtlGenRandom(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
