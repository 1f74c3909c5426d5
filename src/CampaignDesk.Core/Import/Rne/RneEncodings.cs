using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// Chooses the text encoding from a sample of the first bytes: a BOM wins; otherwise valid UTF-8 is UTF-8
/// (with a cp1252 fallback for stray bytes later on) and anything else is cp1252, as in the 2019 release.
/// </summary>
internal static class RneEncodings
{
    public static readonly Encoding Windows1252 = LoadWindows1252();

    public static (Encoding Encoding, int BomLength, string Name) Detect(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8WithCp1252Fallback(), 3, "UTF-8 with BOM");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2, "UTF-16LE with BOM");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2, "UTF-16BE with BOM");
        }

        if (sample.Contains((byte)0))
        {
            throw new InvalidDataException("le fichier est binaire (il contient des octets NUL), ce n'est pas un fichier CSV du RNE.");
        }

        return IsUtf8(sample, isWholeFile) ? (Utf8WithCp1252Fallback(), 0, "UTF-8") : (Windows1252, 0, "cp1252");
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        var chars = ArrayPool<char>.Shared.Rent(sample.Length);
        try
        {
            var status = Utf8.ToUtf16(sample, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static Encoding Utf8WithCp1252Fallback()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new Cp1252Fallback();
        return encoding;
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
