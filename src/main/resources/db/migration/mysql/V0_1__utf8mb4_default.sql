-- Names come from many languages (Łucja, Σοφία, 李雷, Nguyễn): every table must store 4-byte UTF-8.
-- Sets the default of the application's database before the first table is created.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
