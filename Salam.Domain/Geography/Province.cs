using Salam.Domain.Common;

namespace Salam.Domain.Geography;

/// <summary>What every level of the geography shares: a stable code (the key an import matches on), names, and whether it is in use.</summary>
public static class Place
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    /// <summary>Codes are compared as written, without surrounding spaces and with Latin digits.</summary>
    public static string NormaliseCode(string? code) => Digits.ToLatin(code).Trim();
}

/// <summary>A province, county or neighbourhood as the administrator edits it: named, renamed, taken out of new work and back.</summary>
public interface IPlace
{
    int Id { get; }
    string Code { get; }
    string NameFa { get; }
    string NameEn { get; }
    bool IsActive { get; }
    void Rename(string nameFa, string nameEn);
    void Deactivate();
    void Reactivate();
}

/// <summary>One of Iran's 31 provinces (استان).</summary>
public sealed class Province : Entity, IPlace
{
    private Province() { }

    public Province(string code, string nameFa, string nameEn)
    {
        Code = Place.NormaliseCode(code);
        NameFa = nameFa;
        NameEn = nameEn;
    }

    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>A deactivated place keeps its history (rounds, duties, roll-ups) but takes no new work.</summary>
    public bool IsActive { get; private set; } = true;
    public List<County> Counties { get; private set; } = [];

    /// <summary>Whether a round's results reach its residents at close, without waiting for an officer to publish them.</summary>
    public bool AutoPublishResults { get; private set; }

    public void Rename(string nameFa, string nameEn) => (NameFa, NameEn) = (nameFa, nameEn);
    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
    public void PublishResultsAutomatically(bool automatic) => AutoPublishResults = automatic;
}

/// <summary>A county (شهرستان) of a province.</summary>
public sealed class County : Entity, IPlace
{
    private County() { }

    public County(int provinceId, string code, string nameFa, string nameEn)
    {
        ProvinceId = provinceId;
        Code = Place.NormaliseCode(code);
        NameFa = nameFa;
        NameEn = nameEn;
    }

    /// <summary>A county of a province made in the same save (an import's new province): the key is filled in when both are saved.</summary>
    public County(Province province, string code, string nameFa, string nameEn) : this(province.Id, code, nameFa, nameEn) => Province = province;

    public int ProvinceId { get; private set; }
    public Province? Province { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public List<Neighbourhood> Neighbourhoods { get; private set; } = [];

    public void Rename(string nameFa, string nameEn) => (NameFa, NameEn) = (nameFa, nameEn);
    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}

/// <summary>A neighbourhood (محله): where residents rank needs and duties land. Served by one centre.</summary>
public sealed class Neighbourhood : Entity, IPlace
{
    private Neighbourhood() { }

    public Neighbourhood(int countyId, string code, string nameFa, string nameEn, int? centreId = null)
    {
        CountyId = countyId;
        Code = Place.NormaliseCode(code);
        NameFa = nameFa;
        NameEn = nameEn;
        CentreId = centreId;
    }

    /// <summary>A neighbourhood of a county made in the same save (an import's new county).</summary>
    public Neighbourhood(County county, string code, string nameFa, string nameEn) : this(county.Id, code, nameFa, nameEn) => County = county;

    public int CountyId { get; private set; }
    public County? County { get; private set; }
    public int? CentreId { get; private set; }
    public Centre? Centre { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>A deactivated neighbourhood keeps its rounds, duties and residents but is offered for no new round.</summary>
    public bool IsActive { get; private set; } = true;

    public void Rename(string nameFa, string nameEn) => (NameFa, NameEn) = (nameFa, nameEn);
    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;

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
