using System.Globalization;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

public sealed class DisplayFormatTests
{
    private readonly DisplayFormat _format = new();

    private static void Use(string culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

    [Fact]
    public void Dates_are_jalali_in_tehran_time_with_persian_digits_in_persian()
    {
        Use(Cultures.Persian);
        // 24 November 2026 is 3 Azar 1405; 21:00 UTC is already the next day (00:30) in Tehran.
        Assert.Equal("۳ آذر ۱۴۰۵", _format.Date(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal("۴ آذر ۱۴۰۵، ساعت ۰۰:۳۰", _format.DateTime(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero)));
        Assert.Equal("۱ فروردین ۱۴۰۵", _format.Date(new DateOnly(2026, 3, 21)));
    }

    [Fact]
    public void Dates_stay_jalali_in_english_with_latin_digits()
    {
        Use(Cultures.English);
        Assert.Equal("3 Azar 1405", _format.Date(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Numbers_and_percentages_use_persian_digits_and_separators_in_persian()
    {
        Use(Cultures.Persian);
        Assert.Equal("۱۲٬۳۴۵", _format.Number(12345));
        Assert.Equal("۳۷٫۵٪", _format.Percent(0.375));
        Use(Cultures.English);
        Assert.Equal("12,345", _format.Number(12345));
        Assert.Equal("37.5%", _format.Percent(0.375));
    }

    [Fact]
    public void Rials_show_toman_alongside_in_persian_digits_and_keep_a_tenth_of_a_toman_when_there_is_one()
    {
        Use(Cultures.Persian);
        Assert.Equal("۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)", _format.Rials(12_500_000));
        Assert.Equal("۱۲٬۳۴۵ ریال (۱٬۲۳۴٫۵ تومان)", _format.Rials(12_345));
        Assert.Equal("۰ ریال (۰ تومان)", _format.Rials(0));
        // Beyond double's exact integers: whole rials must not be rounded through floating point.
        Assert.Equal("۹٬۰۰۷٬۱۹۹٬۲۵۴٬۷۴۰٬۹۹۳ ریال (۹۰۰٬۷۱۹٬۹۲۵٬۴۷۴٬۰۹۹٫۳ تومان)", _format.Rials(9_007_199_254_740_993));
        Use(Cultures.English);
        Assert.Equal("12,500,000 rials (1,250,000 toman)", _format.Rials(12_500_000));
        Assert.Equal("-15 rials (-1.5 toman)", _format.Rials(-15));
        Assert.StartsWith("-9,223,372,036,854,775,808 rials", _format.Rials(long.MinValue));
    }

    [Fact]
    public void Facts_of_a_line_are_parted_by_a_persian_comma_in_persian_never_a_middle_dot_that_reads_as_zero_beside_digits()
    {
        Use(Cultures.Persian);
        Assert.Equal("، ", _format.Separator);
        Assert.DoesNotContain('·', _format.Separator);
        Use(Cultures.English);
        Assert.Equal(" · ", _format.Separator);
    }
}
