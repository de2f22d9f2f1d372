using Salam.Domain.Common;

namespace Salam.Domain.Geography;

/// <summary>One of Iran's 31 provinces (استان).</summary>
public sealed class Province : Entity
{
    private Province() { }

    public Province(string code, string nameFa, string nameEn)
    {
        Code = code;
        NameFa = nameFa;
        NameEn = nameEn;
    }

    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public List<County> Counties { get; private set; } = [];
}

/// <summary>A county (شهرستان) of a province.</summary>
public sealed class County : Entity
{
    private County() { }

    public County(int provinceId, string nameFa, string nameEn)
    {
        ProvinceId = provinceId;
        NameFa = nameFa;
        NameEn = nameEn;
    }

    public int ProvinceId { get; private set; }
    public Province? Province { get; private set; }
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public List<Neighbourhood> Neighbourhoods { get; private set; } = [];
}

/// <summary>A neighbourhood (محله): where residents rank needs and duties land. Served by one centre.</summary>
public sealed class Neighbourhood : Entity
{
    private Neighbourhood() { }

    public Neighbourhood(int countyId, string nameFa, string nameEn, int? centreId = null)
    {
        CountyId = countyId;
        NameFa = nameFa;
        NameEn = nameEn;
        CentreId = centreId;
    }

    public int CountyId { get; private set; }
    public County? County { get; private set; }
    public int? CentreId { get; private set; }
    public Centre? Centre { get; private set; }
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    public void ServedBy(Centre centre)
    {
        if (centre.Id != 0) CentreId = centre.Id;
        Centre = centre;
    }

    public void NoLongerServed()
    {
        CentreId = null;
        Centre = null;
    }
}
