using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace HygieneLsp.JsonRpc.Messages;

/// <summary>
/// A request id: a JSON integer or string, echoed back exactly as received. Equality keeps the two kinds apart
/// (<c>1</c> and <c>"1"</c> are different requests).
/// </summary>
internal readonly record struct MessageId
{
    private MessageId(bool isString, string text)
    {
        IsString = isString;
        Text = text;
    }

    public bool IsString { get; }

    /// <summary>The string, or the integer in invariant digits (any size).</summary>
    public string Text { get; }

    public static MessageId FromNumber(long value) => new(false, value.ToString(CultureInfo.InvariantCulture));

    public static MessageId FromString(string value) => new(true, value);

    /// <summary>The id in a token, or null when the token is missing, null, fractional or of another type.</summary>
    public static MessageId? TryFrom(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String, Value: string s } => FromString(s),
        JValue { Type: JTokenType.Integer, Value: BigInteger big } => new MessageId(false, big.ToString(CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.Integer, Value: { } n } =>
            new MessageId(false, Convert.ToInt64(n, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    public JToken ToToken()
    {
        if (IsString)
        {
            return new JValue(Text);
        }

        return long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? new JValue(n)
            : new JValue(BigInteger.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    public override string ToString() => IsString ? $"\"{Text}\"" : Text;
}
