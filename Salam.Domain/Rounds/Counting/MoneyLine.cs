using System.Numerics;

namespace Salam.Domain.Rounds.Counting;

/// <summary>
/// An amount of money as a function of the per-voter amount b: Constant + Slope × b. Within one equal-shares run every
/// amount (a voter's money, a payment, a total) is such a line for as long as the run takes the same decisions.
/// </summary>
internal readonly record struct MoneyLine(Rational Constant, Rational Slope)
{
    public static MoneyLine PerVoter => new(Rational.Zero, Rational.One);
    public static MoneyLine Fixed(Rational amount) => new(amount, Rational.Zero);

    public Rational At(Rational perVoter) => Constant + Slope * perVoter;

    public static MoneyLine operator +(MoneyLine x, MoneyLine y) => new(x.Constant + y.Constant, x.Slope + y.Slope);
    public static MoneyLine operator -(MoneyLine x, MoneyLine y) => new(x.Constant - y.Constant, x.Slope - y.Slope);
    public static MoneyLine operator *(MoneyLine x, Rational factor) => new(x.Constant * factor, x.Slope * factor);
    public static MoneyLine operator /(MoneyLine x, Rational divisor) => new(x.Constant / divisor, x.Slope / divisor);
}

/// <summary>
/// Compares money lines at one per-voter amount b and remembers the least integer above b at which any comparison made
/// could come out differently. Two lines cross at most once, so every integer before that one takes the same decisions.
/// </summary>
internal sealed class ComparisonWatch(long perVoter)
{
    private readonly Rational _at = perVoter;

    /// <summary>The least integer above the per-voter amount where some comparison may change; null when none ever can.</summary>
    public BigInteger? NextChange { get; private set; }

    public Rational PerVoter => _at;

    /// <summary>The sign of x − y at the per-voter amount.</summary>
    public int Compare(MoneyLine x, MoneyLine y) => Observe(x - y, (x - y).At(_at));

    /// <summary>As <see cref="Compare"/>, for a caller that already knows the difference's value at the per-voter amount.</summary>
    public int Observe(MoneyLine difference, Rational valueNow)
    {
        var sign = valueNow.Sign;
        var slope = difference.Slope.Sign;
        if (slope == 0) return sign; // the same answer for every b
        if (sign == 0) Note(perVoter + 1); // level only here: the next integer may already differ
        else if (slope != sign) Note((-difference.Constant / difference.Slope).Ceiling()); // heading for a crossing above b
        return sign;
    }

    private void Note(BigInteger candidate)
    {
        if (NextChange is null || candidate < NextChange) NextChange = candidate;
    }
}
