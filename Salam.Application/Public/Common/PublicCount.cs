namespace Salam.Application.Public.Common;

/// <summary>
/// A count shown in public: under <see cref="SmallNumber"/> it is withheld (shown as "fewer than 5"), so a handful of
/// volunteers or answers cannot be told apart and named.
/// </summary>
public readonly record struct PublicCount(int? Value)
{
    public const int SmallNumber = 5;

    public static PublicCount Of(int count) => new(count < SmallNumber ? null : count);

    public bool FewerThanSmallNumber => Value is null;
}
