using Salam.Web.Common;

namespace Salam.Web.Tests.Minutes;

/// <summary>
/// Minutes are written by staff and read by every resident of a province: whatever is typed, what renders holds no script, no
/// event attribute, no style and no javascript:/data: link. Each of the two walls (Markdig without raw HTML, then HtmlSanitizer)
/// is also held to account alone, so removing either one fails a test even though the other would still cover it.
/// </summary>
public sealed class MinutesMarkdownTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<details open ontoggle=alert(1)>x</details>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](https://tracker.example/pixel.png)",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "**<svg onload=alert(1)>** _<script>alert(1)</script>_",
        "> <iframe src=javascript:alert(1)>\n> - [x](javascript:alert(1))",
        "| a | b |\n|:-:|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "[x](https://ok.example \"t\" onmouseover=alert(1))",
    };

    /// <summary>Raw HTML as it would reach the sanitizer if Markdig ever passed it through.</summary>
    public static TheoryData<string> RawHtml => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
        "<form action=\"javascript:alert(1)\"><input autofocus onfocus=alert(1)></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>x</details>",
    };

    [Theory, MemberData(nameof(Hostile))]
    public void Hostile_minutes_render_with_no_script_no_handler_and_no_script_link(string markdown) =>
        HtmlAssert.HoldsNothingActive(MinutesMarkdown.ToSafeHtml(markdown));

    [Theory, MemberData(nameof(RawHtml))]
    public void The_markdown_wall_alone_leaves_typed_html_as_text(string typed)
    {
        var html = MinutesMarkdown.Render(typed);

        var body = HtmlAssert.Parse(html);
        Assert.All(body.QuerySelectorAll("*"), element => Assert.Contains(element.LocalName, new[] { "p", "br" }));
        Assert.Contains("&lt;", html);
    }

    [Theory, MemberData(nameof(RawHtml))]
    public void The_sanitizer_alone_strips_what_raw_html_hides(string html) => HtmlAssert.HoldsNothingActive(MinutesMarkdown.Sanitize(html));

    [Fact]
    public void A_link_in_minutes_keeps_its_address_and_opens_without_handing_over_the_page()
    {
        var link = HtmlAssert.Parse(MinutesMarkdown.ToSafeHtml("[گزارش](https://qom.example/report) و <https://ok.example/>")).QuerySelectorAll("a");

        Assert.Equal(["https://qom.example/report", "https://ok.example/"], link.Select(a => a.GetAttribute("href")));
        Assert.All(link, a => Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel")));
    }

    [Fact]
    public void Ordinary_persian_minutes_render_headings_lists_bold_and_tables()
    {
        const string minutes = "## تصمیم‌های جلسه\n\n- **شهرداری**: آسفالت کوچهٔ ۱۲\n- بهزیستی: *بازدید* از مرکز\n\n1. یک\n2. دو\n\n" +
            "| دستگاه | مهلت |\n|---|---|\n| شهرداری | ۳۰ فروردین |\n\n> نقل از صورت‌جلسه";

        var body = HtmlAssert.Parse(MinutesMarkdown.ToSafeHtml(minutes));

        Assert.Equal("تصمیم‌های جلسه", body.QuerySelector("h2")?.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
        Assert.Equal("شهرداری", body.QuerySelector("li strong")?.TextContent);
        Assert.Equal("بازدید", body.QuerySelector("li em")?.TextContent);
        Assert.Equal(["دستگاه", "مهلت"], body.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal("۳۰ فروردین", body.QuerySelectorAll("table tbody td")[1].TextContent);
        Assert.NotNull(body.QuerySelector("blockquote"));
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public void Minutes_nested_past_the_parsers_limit_show_as_text_instead_of_failing_the_page(char nesting)
    {
        var minutes = "سطر اول <script>alert(1)</script>\n" + new string(nesting, 20_000);

        var html = MinutesMarkdown.ToSafeHtml(minutes);

        HtmlAssert.HoldsNothingActive(html);
        Assert.Contains("سطر اول", HtmlAssert.Parse(html).TextContent);
    }
}
