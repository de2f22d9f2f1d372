namespace Salam.Domain.People;

/// <summary>The languages a person's messages are written in (two-letter codes, as stored).</summary>
public static class Languages
{
    public const string Persian = "fa";
    public const string English = "en";
    public static readonly IReadOnlyList<string> All = [Persian, English];
}
