using System.Globalization;
using System.Text;

namespace Salam.Domain.Needs;

/// <summary>
/// Folds Persian text as people type it into one comparable form: Arabic ي/ك/ى → ی/ک, ة → ه, أ/إ/آ → ا,
/// the zero-width non-joiner and tatweel dropped, diacritics removed, Persian and Arabic digits made Latin, lower case.
/// </summary>
public static class PersianText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue; // harakat, hamza above, accents
            builder.Append(c switch
            {
                'ي' or 'ى' or 'ئ' => 'ی',
                'ك' => 'ک',
                'ة' => 'ه',
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ؤ' => 'و',
                '\u200C' or '\u200D' or '\u0640' => ' ', // ZWNJ, ZWJ, tatweel: «می‌شود» and «میشود» and «می شود» meet
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                _ when char.IsPunctuation(c) || char.IsSymbol(c) => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Words of the folded text, ignoring the small words that say nothing about a need.</summary>
    public static IReadOnlySet<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && !StopWords.Contains(w))
            .ToHashSet();

    /// <summary>How alike two texts are, 0 to 1: shared words over the shorter text's words, with prefixes counted (کتابخانه ~ کتاب).</summary>
    public static double Similarity(string? typed, string? existing)
    {
        var a = Words(typed);
        var b = Words(existing);
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(word => b.Any(other => Related(word, other)));
        return (double)shared / Math.Min(a.Count, b.Count);
    }

    private static bool Related(string x, string y) =>
        x == y || (Math.Min(x.Length, y.Length) >= 3 && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)));

    private static readonly HashSet<string> StopWords =
    [
        "و", "در", "به", "از", "که", "را", "با", "برای", "این", "آن", "ان", "یک", "تا", "هم", "های", "ها", "می", "ی",
        "the", "a", "an", "of", "for", "and", "in", "to",
    ];
}
