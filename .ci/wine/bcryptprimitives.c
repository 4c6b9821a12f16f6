/* Only for running Wieg's Windows programs under Wine in CI, never shipped.
 *
 * Rust's standard library draws its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every current Windows has and Wine 8 lacks.
 * This stand-in answers from RtlGenRandom (SystemFunction036), which Wine
 * does have. It is placed beside the test programs only. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
