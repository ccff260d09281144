//! A small deterministic random source (SplitMix64): same seed, same corpus, on
//! every machine, with no dependency.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Log-uniform in `lo..=hi` (magnitudes spread over orders of size).
    pub fn log_uniform(&mut self, lo: i64, hi: i64) -> i64 {
        let (a, b) = ((lo.max(0) as f64 + 1.0).ln(), (hi as f64 + 1.0).ln());
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((a + u * (b - a)).exp() - 1.0).round() as i64
    }

    /// Splits `total` into `weights.len()` parts in proportion to the weights, at random.
    pub fn split(&mut self, total: i64, weights: &[f64]) -> Vec<i64> {
        let mut out = vec![0i64; weights.len()];
        let sum: f64 = weights.iter().sum();
        for _ in 0..total {
            let mut u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * sum;
            let mut k = 0;
            while k + 1 < weights.len() && u >= weights[k] {
                u -= weights[k];
                k += 1;
            }
            out[k] += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_range() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            let v = r.range(3, 5);
            assert!((3..=5).contains(&v));
        }
        let parts = r.split(100, &[0.5, 0.3, 0.2]);
        assert_eq!(parts.iter().sum::<i64>(), 100);
    }
}
