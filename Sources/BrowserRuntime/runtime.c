// What a bare WebAssembly module of Embedded Swift needs from a C library, and nothing more:
// memory (a size-class allocator over `memory.grow`), the `mem*` functions, `putchar` (where
// `print` writes: into a buffer that JavaScript reads), and the 128-bit multiply that
// compiler-rt would supply. Built with `clang --target=wasm32 -nostdlib`; the module imports
// nothing.

typedef unsigned long size_t;
typedef unsigned char byte;
typedef unsigned long long u64;

extern byte __heap_base;

// Blocks of 2^c bytes, c = 4 ... 47, each with a 16-byte header holding c; a freed block goes
// on its class's list and is reused whole. Memory is never given back, so a long training run
// settles at the largest amount it ever held at once.
#define HEADER 16
static size_t heap_top;
static void *free_lists[48];

static int size_class(size_t bytes) {
  int c = 4;
  while (((size_t)1 << c) < bytes) c++;
  return c;
}

static void *grab(size_t bytes) {
  if (heap_top == 0) heap_top = ((size_t)&__heap_base + 15) & ~(size_t)15;
  size_t end = heap_top + bytes;
  if (end < heap_top) return 0;
  size_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have) {
    size_t pages = (end - have + 65535) / 65536;
    if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
  }
  void *block = (void *)heap_top;
  heap_top = end;
  return block;
}

void *malloc(size_t bytes) {
  if (bytes > ((size_t)1 << 31)) return 0;
  int c = size_class(bytes + HEADER);
  void *block = free_lists[c];
  if (block) {
    free_lists[c] = *(void **)block;
  } else {
    block = grab((size_t)1 << c);
    if (!block) return 0;
  }
  *(size_t *)block = (size_t)c;
  return (byte *)block + HEADER;
}

void free(void *pointer) {
  if (!pointer) return;
  void *block = (byte *)pointer - HEADER;
  int c = (int)*(size_t *)block;
  *(void **)block = free_lists[c];
  free_lists[c] = block;
}

// Swift asks for at most 16-byte alignment of its objects, which every block has.
int posix_memalign(void **out, size_t alignment, size_t bytes) {
  if (alignment > HEADER) return 22;  // EINVAL
  *out = malloc(bytes);
  return *out ? 0 : 12;  // ENOMEM
}

void *memset(void *destination, int value, size_t count) {
  byte *d = destination;
  while (count--) *d++ = (byte)value;
  return destination;
}

void *memcpy(void *destination, const void *source, size_t count) {
  byte *d = destination;
  const byte *s = source;
  while (count--) *d++ = *s++;
  return destination;
}

void *memmove(void *destination, const void *source, size_t count) {
  byte *d = destination;
  const byte *s = source;
  if (d < s) {
    while (count--) *d++ = *s++;
  } else {
    d += count;
    s += count;
    while (count--) *--d = *--s;
  }
  return destination;
}

int memcmp(const void *left, const void *right, size_t count) {
  const byte *a = left, *b = right;
  for (; count; count--, a++, b++)
    if (*a != *b) return *a - *b;
  return 0;
}

// `print` in Embedded Swift writes byte by byte through putchar: into this buffer, which
// JavaScript reads (`output_pointer`, `output_length`) and empties (`output_reset`).
static byte output[1 << 22];
static size_t output_count;

int putchar(int c) {
  if (output_count < sizeof output) output[output_count++] = (byte)c;
  return c;
}

__attribute__((export_name("output_pointer"))) byte *output_pointer(void) { return output; }
__attribute__((export_name("output_length"))) size_t output_length(void) { return output_count; }
__attribute__((export_name("output_reset"))) void output_reset(void) { output_count = 0; }

// What JavaScript hands to Swift: it asks for room with `input_reserve`, writes UTF-8 there
// and calls an export with the byte count; Swift reads it at `input_pointer`.
static byte *input;
static size_t input_capacity;

__attribute__((export_name("input_reserve"))) byte *input_reserve(size_t count) {
  if (count == 0) count = 1;
  if (count > input_capacity) {
    free(input);
    input = malloc(count);
    input_capacity = input ? count : 0;
  }
  return input;
}

byte *input_pointer(void) { return input; }

// The low 128 bits of a 128-bit product (compiler-rt's __multi3), from 32-bit pieces.
__int128 __multi3(__int128 a, __int128 b) {
  unsigned __int128 ua = (unsigned __int128)a, ub = (unsigned __int128)b;
  u64 a0 = (u64)ua, a1 = (u64)(ua >> 64), b0 = (u64)ub, b1 = (u64)(ub >> 64);
  u64 a0l = a0 & 0xffffffffu, a0h = a0 >> 32, b0l = b0 & 0xffffffffu, b0h = b0 >> 32;
  u64 ll = a0l * b0l, lh = a0l * b0h, hl = a0h * b0l, hh = a0h * b0h;
  u64 mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
  u64 low = (ll & 0xffffffffu) | (mid << 32);
  u64 high = hh + (lh >> 32) + (hl >> 32) + (mid >> 32) + a0 * b1 + a1 * b0;
  return (__int128)(((unsigned __int128)high << 64) | low);
}

// The seed of Swift's hashing. The module has no source of randomness; a fixed seed makes a
// Dictionary's order the same on every load (natively it changes from run to run, so no page
// depends on it).
void arc4random_buf(void *buffer, size_t count) { memset(buffer, 0x5a, count); }

// A correctly rounded fused multiply-add, which wasm32 lacks and Swift's standard library needs
// (`stride(from:through:by:)` over doubles computes `start.addingProduct(i, step)`, natively one
// fma instruction or glibc's exact fma). Boldo and Melquiond's emulation: the product split
// exactly by Dekker's algorithm, the sum by Knuth's, the low parts added rounding to odd, and
// one final rounding to nearest, which together round `a * b + c` once. It holds while no step
// overflows or underflows: exponents within the range checked below. Outside it (products or
// addends beyond 2^900 or below 2^-900) the result is `a * b + c` with two roundings, which no
// page's arithmetic reaches.
static double two_product(double a, double b, double *error) {
  const double split = 134217729.0;  // 2^27 + 1
  double product = a * b;
  double t = split * a;
  double a_high = t - (t - a), a_low = a - a_high;
  t = split * b;
  double b_high = t - (t - b), b_low = b - b_high;
  *error = ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low;
  return product;
}

static double two_sum(double a, double b, double *error) {
  double sum = a + b;
  double b_virtual = sum - a;
  *error = (a - (sum - b_virtual)) + (b - b_virtual);
  return sum;
}

static int exponent_of(double x) {
  union { double d; u64 u; } v = {x};
  return (int)((v.u >> 52) & 0x7ff) - 1023;
}

// x + y rounded to odd: the rounded sum, moved one unit toward the exact sum when that sum is
// not representable and the rounded one has an even last bit.
static double add_round_to_odd(double x, double y) {
  double error;
  double sum = two_sum(x, y, &error);
  if (error == 0) return sum;
  union { double d; u64 u; } v = {sum};
  if ((v.u & 1) == 0) {
    if ((error > 0) == (sum > 0)) v.u += 1; else v.u -= 1;
  }
  return v.d;
}

double fma(double a, double b, double c) {
  double plain = a * b + c;
  if (a == 0 || b == 0 || !__builtin_isfinite(plain) || !__builtin_isfinite(a * b)) {
    return a * b + c;
  }
  int ea = exponent_of(a), eb = exponent_of(b);
  if (ea < -450 || ea > 450 || eb < -450 || eb > 450 || ea + eb < -900 || ea + eb > 900) return plain;
  if (c != 0 && (exponent_of(c) < -900 || exponent_of(c) > 900)) return plain;
  double product_low;
  double product_high = two_product(a, b, &product_low);
  double sum_low;
  double sum_high = two_sum(c, product_high, &sum_low);
  return sum_high + add_round_to_odd(sum_low, product_low);
}

// Swift's `rounded()` (to nearest, ties away from zero) on wasm32, which has no such
// instruction: exact, since x - trunc(x) is exact for every double.
double round(double x) {
  double whole = __builtin_trunc(x);
  if (__builtin_fabs(x - whole) >= 0.5) whole += __builtin_copysign(1.0, x);
  return whole;
}
