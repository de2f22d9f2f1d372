namespace Salam.Domain.Common;

/// <summary>
/// How a search compares text as people type it: Arabic «ي»/«ى»/«ك»/«ة» are the Persian «ی»/«ک»/«ه», Persian and
/// Arabic-Indic digits are Latin, the zero-width non-joiner is a space («کتاب‌خانه» = «کتاب خانه»), case is ignored —
/// the letter folds of the need deduplication (<c>PersianText.Fold</c>), kept to plain character replacements so a
/// database can apply the same ones to stored text (SQL REPLACE and LOWER) and the two sides always agree.
/// </summary>
public static class SearchText
{
    /// <summary>Each replacement, applied in this order to the searched text (in SQL) and to the query (here).</summary>
    public static readonly IReadOnlyList<(string From, string To)> Replacements =
    [
        ("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ة", "ه"), ("\u200C", " "),
        .. Enumerable.Range(0, 10).SelectMany(d => new[] { (((char)('۰' + d)).ToString(), d.ToString(System.Globalization.CultureInfo.InvariantCulture)), (((char)('٠' + d)).ToString(), d.ToString(System.Globalization.CultureInfo.InvariantCulture)) }),
    ];

    /// <summary>The query folded as the stored text is; empty when there is nothing to look for.</summary>
    public static string Fold(string? query)
    {
        var text = (query ?? "").Trim();
        foreach (var (from, to) in Replacements) text = text.Replace(from, to, StringComparison.Ordinal);
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
