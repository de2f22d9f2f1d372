using Bunit;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Home.Queries;
using Salam.Domain.Geography;
using Salam.Web.Components.Pages.Centres;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The centre form, rendered by bUnit: it starts from the centre, says where a neighbourhood is served now, shows refusals by field, and sends its draft.</summary>
public sealed class CentreFormTests : ComponentTest
{
    private static readonly NeighbourhoodOption Pardisan = new(1, new PlaceName("پردیسان", "Pardisan"), new PlaceName("قم", "Qom"), 10);
    private static readonly NeighbourhoodOption Zanbilabad = new(2, new PlaceName("زنبیل‌آباد", "Zanbilabad"), new PlaceName("قم", "Qom"), 20);
    private static readonly CentreRow PardisanCentre = new(10, 1, new PlaceName("مرکز مثبت زندگی پردیسان", "Pardisan Positive Life Centre"), "قم، پردیسان", CentreKind.PositiveLife, [Pardisan], []);
    private static readonly CentreRow SafashahrCentre = new(20, 1, new PlaceName("مرکز مثبت زندگی صفاشهر", "Safashahr Positive Life Centre"), "", CentreKind.PositiveLife, [Zanbilabad], []);

    private IRenderedComponent<CentreForm> RenderForm(IReadOnlyDictionary<string, string[]>? errors = null, Action<CentreForm.Draft>? saved = null) =>
        Render<CentreForm>(p => p
            .Add(f => f.Centre, PardisanCentre)
            .Add(f => f.Heading, "ویرایش مرکز مثبت زندگی پردیسان")
            .Add(f => f.Neighbourhoods, [Pardisan, Zanbilabad])
            .Add(f => f.Centres, [PardisanCentre, SafashahrCentre])
            .Add(f => f.Errors, errors ?? new Dictionary<string, string[]>())
            .Add(f => f.OnSave, (CentreForm.Draft draft) => saved?.Invoke(draft)));

    [Fact]
    public void The_form_starts_from_the_centre_and_sends_it_back_unchanged_when_saved()
    {
        Use(Cultures.Persian);
        CentreForm.Draft? sent = null;
        var form = RenderForm(saved: draft => sent = draft);

        Assert.Equal("مرکز مثبت زندگی پردیسان", form.Find(".centre-name-fa input").GetAttribute("value"));
        Assert.Equal("Pardisan Positive Life Centre", form.Find(".centre-name-en input").GetAttribute("value"));
        Assert.Contains("پردیسان", form.Find(".centre-neighbourhoods input").GetAttribute("value"));
        form.Find("button.centre-save").Click();

        Assert.NotNull(sent);
        Assert.Equal(("مرکز مثبت زندگی پردیسان", "Pardisan Positive Life Centre", "قم، پردیسان", CentreKind.PositiveLife), (sent.NameFa, sent.NameEn, sent.Address, sent.Kind));
        Assert.Equal([1], sent.NeighbourhoodIds);
    }

    [Fact]
    public void A_refusal_shows_its_message_under_the_field_it_names()
    {
        Use(Cultures.Persian);
        var form = RenderForm(new Dictionary<string, string[]> { ["NameFa"] = ["نام فارسی و انگلیسی مرکز را وارد کنید."] });

        Assert.Contains("نام فارسی و انگلیسی مرکز را وارد کنید.", form.Find(".centre-name-fa").TextContent);
        Assert.DoesNotContain("نام فارسی و انگلیسی مرکز را وارد کنید.", form.Find(".centre-name-en").TextContent);
    }
}
