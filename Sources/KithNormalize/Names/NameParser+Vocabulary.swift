extension NameParser {
    /// Honorific prefixes, folded (Wikipedia, "English honorifics", "German honorifics",
    /// "French honorifics", "Spanish honorifics", "Italian honorifics").
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "fr",
        "hon", "capt", "col", "gen", "lt", "sgt", "herr", "frau", "fraulein", "mme", "mlle", "m", "monsieur",
        "madame", "mademoiselle", "sr", "sra", "srta", "don", "dona", "dott", "dottssa", "ing", "avv", "sig",
        "sigra", "dipl", "mag", "rabbi", "imam", "sheikh", "pr", "me",
    ]

    /// Generational and post-nominal suffixes, folded.
    static let suffixes: Set<String> = [
        "jr", "sr", "ii", "iii", "iv", "v", "junior", "senior", "phd", "md", "dds", "esq", "mba", "msc", "bsc",
        "ba", "ma", "cpa", "rn", "obe", "mbe", "cbe", "kbe", "dphil", "jd", "llm", "pe", "frcs", "mp",
    ]

    /// Generational suffixes and the key they fold to.
    static let generations: [String: String] = [
        "jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv", "v": "v",
    ]

    /// Surname particles (Wikipedia, "Nobiliary particle", "Dutch name#Tussenvoegsels",
    /// "Arabic name"): a particle before the last word starts the surname.
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten",
        "zu", "vom", "zum", "zur", "af", "av", "bin", "ibn", "bint", "al", "el", "mac", "st", "saint", "y", "e",
        "lo", "degli", "dei", "het", "t", "op", "in", "d", "l",
    ]

    /// Common single-character family names (Chinese: the most frequent surnames of the
    /// 2020 census as listed in Wikipedia, "List of common Chinese surnames"; Korean:
    /// Wikipedia, "List of Korean surnames"; Japanese names without a space are rare and use
    /// two-character surnames, handled by `twoCharacterSurnames`).
    static let cjkSingleSurnames: Set<Character> = [
        "王", "李", "张", "張", "刘", "劉", "陈", "陳", "杨", "楊", "黄", "黃", "赵", "趙", "吴", "吳", "周", "徐", "孙",
        "孫", "马", "馬", "朱", "胡", "郭", "何", "高", "林", "罗", "羅", "郑", "鄭", "梁", "谢", "謝", "宋", "唐", "许",
        "許", "韩", "韓", "冯", "馮", "邓", "鄧", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔣", "蔡",
        "余", "杜", "叶", "葉", "程", "苏", "蘇", "魏", "吕", "呂", "丁", "任", "沈", "姚", "卢", "盧", "姜", "崔", "钟",
        "鍾", "谭", "譚", "陆", "陸", "汪", "范", "金", "石", "廖", "贾", "賈", "夏", "韦", "韋", "付", "方", "白", "邹",
        "鄒", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "龍", "史", "陶", "黎", "贺", "賀",
        "顾", "顧", "毛", "郝", "龚", "龔", "邵", "万", "萬", "钱", "錢", "严", "嚴", "覃", "武", "戴", "莫", "孔", "向",
        "汤", "湯", "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안",
        "송", "류", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "유", "남", "심", "노", "하", "곽", "성", "차",
        "주", "우", "구", "민", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여", "추",
    ]

    /// Common two-character family names (Chinese compound surnames, Wikipedia "Chinese
    /// compound surname"; frequent Japanese surnames, Wikipedia "List of most common surnames
    /// in Asia#Japan").
    static let cjkDoubleSurnames: Set<String> = [
        "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "慕容", "公孙", "公孫",
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
        "松本", "井上", "木村", "清水", "山崎", "森田", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川",
        "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村",
        "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川", "松田", "竹内", "小野", "田村", "中山", "和田",
        "石田", "森", "上田", "原", "内田", "柴田", "酒井", "宮崎", "横山", "高木", "安藤", "宮本", "大野", "小島",
    ]
}
